using System.Security.Claims;
using CommandCenter.Hosting;
using CommandCenter.Kit.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CommandCenter.FieldMessages.Channels;

/// <summary>
/// The channels to the field, for the commander: the list, a form to add or change one (a stored address or secret
/// shows as set, with a way to replace it; it is never sent to the browser), enable and disable, remove with a second
/// click, and a test message per channel whose outcome shows under its row. Changes go through
/// <see cref="FieldChannelStore"/>, as the API's do.
/// </summary>
public partial class FieldChannelsPage
{
    private static readonly char[] PhoneSeparators = [',', '，', ';', '；', ' ', '\n'];

    private List<FieldChannelView> channels = [];
    private List<FieldChannelSquad> squads = [];
    private IReadOnlyList<string> configured = [];
    private readonly Dictionary<int, FieldChannelTestResult> results = [];
    private FieldChannelInput form = Blank();
    private string? phones;
    private FieldChannelView? editing;
    private bool replaceUrl;
    private bool replaceSecret;
    private int? testing;
    private int? deleting;
    private bool loaded;
    private ErrorsByField errors = ErrorsByField.None;

    [Inject]
    private FieldChannelStore Store { get; set; } = default!;

    [Inject]
    private SiteClock Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    private bool IsSms => form.Kind == nameof(FieldChannelKind.Sms);

    protected override async Task OnInitializedAsync()
    {
        squads = await Store.SquadsAsync(CancellationToken.None);
        configured = Store.ConfiguredNames;
        await ReloadAsync();
        loaded = true;
    }

    private async Task ReloadAsync() => channels = await Store.ListAsync(CancellationToken.None);

    private static FieldChannelInput Blank() => new() { Kind = nameof(FieldChannelKind.WeComRobot), Squad = string.Empty, ContentType = "application/json" };

    private string Audience(string? squad) => squad switch
    {
        null or "" => L["FieldChannels.Commanders"],
        FieldChannelOptions.EverySquad => L["FieldChannels.EverySquad"],
        _ => L["FieldChannels.SquadAudience", squads.FirstOrDefault(s => s.Code == squad)?.Name ?? squad],
    };

    // The API's problem details name the rule in English for scripts; the page says it in the reader's language by field.
    private string? FieldError(string field) => errors.Has(field) ? L[$"FieldChannels.Invalid.{field}"].Value : null;

    private void New()
    {
        (form, phones, editing, replaceUrl, replaceSecret, errors) = (Blank(), null, null, false, false, ErrorsByField.None);
    }

    private void Edit(FieldChannelView channel)
    {
        form = InputOf(channel);
        (phones, editing, replaceUrl, replaceSecret, errors) = (string.Join(", ", channel.Phones), channel, false, false, ErrorsByField.None);
    }

    /// <summary>The form of a stored channel: its address and secret left out, which keeps them.</summary>
    private static FieldChannelInput InputOf(FieldChannelView channel) => new()
    {
        Name = channel.Name,
        Kind = channel.Kind,
        Enabled = channel.Enabled,
        Squad = channel.Squad ?? string.Empty,
        Phones = [.. channel.Phones],
        SquadLeaders = channel.SquadLeaders,
        Body = channel.Body,
        ContentType = channel.ContentType,
    };

    private async Task SaveAsync()
    {
        form.Phones = [.. (phones ?? string.Empty).Split(PhoneSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        if (editing is not null)
        {
            form.Url = replaceUrl ? form.Url ?? string.Empty : null;
            form.Secret = replaceSecret || !editing.SecretSet ? form.Secret ?? string.Empty : null;
        }

        var actor = await ActorAsync();
        var outcome = editing is null
            ? await Store.AddAsync(form, actor, null, CancellationToken.None)
            : await Store.ChangeAsync(editing.Id, form, actor, null, CancellationToken.None);
        errors = new ErrorsByField(outcome.Errors);
        if (outcome.Channel is not null || outcome.Status == StatusCodes.Status404NotFound)
        {
            Snackbar.Add(L["FieldChannels.Saved"], Severity.Success);
            New();
            await ReloadAsync();
        }
    }

    private async Task EnableAsync(FieldChannelView channel, bool enabled)
    {
        var input = InputOf(channel);
        input.Enabled = enabled;
        var outcome = await Store.ChangeAsync(channel.Id, input, await ActorAsync(), null, CancellationToken.None);
        if (outcome.Channel is null && outcome.Errors.Count > 0)
        {
            Snackbar.Add(L["FieldChannels.Invalid"], Severity.Error);
        }

        await ReloadAsync();
    }

    private async Task TestAsync(FieldChannelView channel)
    {
        testing = channel.Id;
        try
        {
            var (outcome, result) = await Store.TestAsync(channel.Id, await ActorAsync(), null, CancellationToken.None);
            if (result is not null)
            {
                results[channel.Id] = result;
            }
            else if (outcome.Errors.Count > 0)
            {
                Snackbar.Add(L[$"FieldChannels.Invalid.{outcome.Errors.Keys.First()}"], Severity.Error);
            }
        }
        finally
        {
            testing = null;
        }
    }

    private async Task DeleteAsync(FieldChannelView channel)
    {
        if (deleting != channel.Id)
        {
            deleting = channel.Id;
            return;
        }

        deleting = null;
        await Store.DeleteAsync(channel.Id, await ActorAsync(), null, CancellationToken.None);
        results.Remove(channel.Id);
        if (editing?.Id == channel.Id)
        {
            New();
        }

        await ReloadAsync();
    }

    private async Task<string> ActorAsync() => (await Authentication).User.FindFirstValue(ClaimTypes.Name) ?? "unknown";
}
