using System.Globalization;
using CommandCenter.Data;
using CommandCenter.Kpi.Charts;
using CommandCenter.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace CommandCenter.Kpi.Panels;

/// <summary>
/// How long alerts raised in the month waited to be acknowledged, and for a squad to be on scene: the
/// median and the 90th percentile, computed by PostgreSQL (percentile_cont) from each alert's first
/// Acknowledged and first OnScene event.
/// </summary>
public class ResponsePanel(IDbContextFactory<CommandCenterDb> factory, NpgsqlDataSource dataSource, IStringLocalizer<UiText> text)
    : PanelSource(factory, text)
{
    private const string Sql = """
        WITH firsts AS (
            SELECT a.raised_at,
                   (SELECT min(e.at) FROM alert_events e WHERE e.alert_id = a.id AND e.kind = 'Acknowledged') AS acknowledged,
                   (SELECT min(e.at) FROM alert_events e WHERE e.alert_id = a.id AND e.kind = 'OnScene') AS on_scene
            FROM alerts a
            WHERE a.raised_at >= @from AND a.raised_at < @to)
        SELECT count(*)::int,
               count(acknowledged)::int,
               extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY acknowledged - raised_at))::float8 / 60,
               extract(epoch FROM percentile_cont(0.9) WITHIN GROUP (ORDER BY acknowledged - raised_at))::float8 / 60,
               count(on_scene)::int,
               extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY on_scene - raised_at))::float8 / 60,
               extract(epoch FROM percentile_cont(0.9) WITHIN GROUP (ORDER BY on_scene - raised_at))::float8 / 60
        FROM firsts
        """;

    public override string Id => "response";

    public override async Task<KpiPanel> BuildAsync(KpiPeriod period, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("from", period.From);
        command.Parameters.AddWithValue("to", period.To);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        double? Minutes(int column) => reader.IsDBNull(column) ? null : Math.Round(reader.GetDouble(column), 1);
        var raised = reader.GetInt32(0);
        var acknowledged = (Count: reader.GetInt32(1), P50: Minutes(2), P90: Minutes(3));
        var onScene = (Count: reader.GetInt32(4), P50: Minutes(5), P90: Minutes(6));

        var minutes = Label("Minutes");
        string Shown(double? value) => value is null ? "–" : value.Value.ToString("0.0", CultureInfo.CurrentCulture);
        var figures = new List<KpiFigure>
        {
            new(Label("AcknowledgeMinutes"), $"{Shown(acknowledged.P50)} / {Shown(acknowledged.P90)}", Headline: true),
            new(Label("OnSceneMinutes"), $"{Shown(onScene.P50)} / {Shown(onScene.P90)}"),
        };
        var chart = new ChartOptions(
            ChartKind.Column,
            [Label("Acknowledge"), Label("OnScene")],
            [
                new ChartSeries("P50", [acknowledged.P50 ?? 0, onScene.P50 ?? 0]),
                new ChartSeries("P90", [acknowledged.P90 ?? 0, onScene.P90 ?? 0]),
            ])
        {
            Unit = minutes,
            DataLabels = true,
        };
        var table = Table(
            [Label("Measure"), Label("AlertsRaised"), Label("Reached"), "P50", "P90"],
            [
                [Label("Acknowledge"), raised, acknowledged.Count, acknowledged.P50, acknowledged.P90],
                [Label("OnScene"), raised, onScene.Count, onScene.P50, onScene.P90],
            ]);
        return Panel(figures, table, chart);
    }
}
