using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace CommandCenter.Subjects.Import;

/// <summary>
/// The import at the desk: the file is read in the circuit and checked by the same <see cref="SubjectImport"/>
/// as the API, previewed with every bad cell named, and committed whole or not at all.
/// </summary>
public partial class SubjectImportPage
{
    private const int SampleRows = 50;

    private byte[]? content;
    private string? fileName;
    private ImportEncoding encoding = ImportEncoding.Auto;
    private ImportPreview? preview;
    private int? imported;
    private string? refusal;
    private bool busy;

    [Inject]
    private SubjectImport Import { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private HashSet<int> BadRows => preview?.Problems.Select(p => p.Row).ToHashSet() ?? [];

    private async Task FileChosenAsync(IBrowserFile? file)
    {
        Reset();
        if (file is null)
        {
            return;
        }

        if (file.Size > Import.MaxBytes)
        {
            refusal = string.Format(CultureInfo.CurrentCulture, L["Import.TooLarge"], Import.MaxBytes / 1024);
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(Import.MaxBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        content = buffer.ToArray();
        fileName = file.Name;
        await PreviewAsync();
    }

    private async Task PreviewAsync()
    {
        if (content is null)
        {
            return;
        }

        await RunAsync(async () =>
        {
            preview = await Import.PreviewAsync(content, encoding, CancellationToken.None);
        });
    }

    private async Task CommitAsync()
    {
        if (content is null)
        {
            return;
        }

        var actor = (await Authentication).User.Identity!.Name!;
        await RunAsync(async () =>
        {
            var commit = await Import.CommitAsync(content, encoding, actor, CancellationToken.None);
            if (commit.Problems.Count == 0)
            {
                imported = commit.Imported;
                content = null;
            }
            else
            {
                preview = new ImportPreview(preview?.People ?? [], commit.Problems);
            }
        });
    }

    private async Task RunAsync(Func<Task> step)
    {
        busy = true;
        refusal = null;
        try
        {
            await step();
        }
        catch (ImportTooLargeException exception)
        {
            preview = null;
            refusal = string.Format(CultureInfo.CurrentCulture, L["Import.TooManyRows"], exception.MaxRows);
        }
        finally
        {
            busy = false;
        }
    }

    private void Reset()
    {
        content = null;
        fileName = null;
        preview = null;
        imported = null;
        refusal = null;
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
