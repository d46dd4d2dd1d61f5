using CommandCenter.AlertLog;
using CommandCenter.Alerts.Lifecycle;
using CommandCenter.Cameras;
using CommandCenter.DemoView;
using CommandCenter.Fences;
using CommandCenter.FieldMessages;
using CommandCenter.FieldMessages.Channels;
using CommandCenter.Geo.Fences;
using CommandCenter.Ingest;
using CommandCenter.Kpi.Records;
using CommandCenter.Live.Log;
using CommandCenter.ProtectedPeople;
using CommandCenter.Map;
using CommandCenter.Security;
using CommandCenter.Security.Audit;
using CommandCenter.Security.Sessions;
using CommandCenter.Security.Tokens;
using CommandCenter.Security.TwoFactor;
using CommandCenter.Site.Settings;
using CommandCenter.SpotChecks;
using CommandCenter.RollCalls;
using CommandCenter.Squads;
using CommandCenter.Subjects;
using CommandCenter.Supervision;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Data;

/// <summary>
/// The one DbContext of the command center, including the sign-in tables and the data-protection keys;
/// each entity is configured in its own class under Configurations.
/// </summary>
public class CommandCenterDb(DbContextOptions<CommandCenterDb> options)
    : IdentityDbContext<CommandCenterUser>(options), IDataProtectionKeyContext
{
    public DbSet<Squad> Squads => Set<Squad>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<PositioningOrder> PositioningOrders => Set<PositioningOrder>();
    public DbSet<Geofence> Geofences => Set<Geofence>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<LatestPosition> LatestPositions => Set<LatestPosition>();
    public DbSet<LiveLogEntry> LiveLog => Set<LiveLogEntry>();
    public DbSet<LiveLogCounter> LiveLogCounter => Set<LiveLogCounter>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertEvent> AlertEvents => Set<AlertEvent>();
    public DbSet<AlertPhoto> AlertPhotos => Set<AlertPhoto>();
    public DbSet<Camera> Cameras => Set<Camera>();
    public DbSet<AdminArea> AdminAreas => Set<AdminArea>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IntegrationToken> IntegrationTokens => Set<IntegrationToken>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<DemoLink> DemoLinks => Set<DemoLink>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<CheckInSchedule> CheckInSchedules => Set<CheckInSchedule>();
    public DbSet<LeavePermit> LeavePermits => Set<LeavePermit>();
    public DbSet<PartyMember> PartyMembers => Set<PartyMember>();
    public DbSet<PartyMeeting> PartyMeetings => Set<PartyMeeting>();
    public DbSet<ActivityRecord> ActivityRecords => Set<ActivityRecord>();
    public DbSet<PartnerOrganisation> PartnerOrganisations => Set<PartnerOrganisation>();
    public DbSet<SupervisionLossEvent> SupervisionLossEvents => Set<SupervisionLossEvent>();
    public DbSet<SecondFactorRoleSetting> SecondFactorRoles => Set<SecondFactorRoleSetting>();
    public DbSet<StoredSettings> SiteSettings => Set<StoredSettings>();
    public DbSet<FieldMessage> FieldMessages => Set<FieldMessage>();
    public DbSet<FieldChannel> FieldChannels => Set<FieldChannel>();
    public DbSet<SpotCheck> SpotChecks => Set<SpotCheck>();
    public DbSet<SpotCheckPhoto> SpotCheckPhotos => Set<SpotCheckPhoto>();
    public DbSet<RegisteredPhoto> RegisteredPhotos => Set<RegisteredPhoto>();
    public DbSet<Subjects.CoDefendants.CoDefendantLink> CoDefendantLinks => Set<Subjects.CoDefendants.CoDefendantLink>();
    public DbSet<Ingest.Patterns.MovementDay> MovementDays => Set<Ingest.Patterns.MovementDay>();
    public DbSet<RollCall> RollCalls => Set<RollCall>();
    public DbSet<RollCallAttendee> RollCallAttendees => Set<RollCallAttendee>();
    public DbSet<ProtectedPerson> ProtectedPersons => Set<ProtectedPerson>();
    public DbSet<ProtectedPersonLink> ProtectedPersonLinks => Set<ProtectedPersonLink>();
    public DbSet<ProtectedPersonPosition> ProtectedPersonPositions => Set<ProtectedPersonPosition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CommandCenterDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: the audit trail and ad-hoc SQL stay readable, and reordering an enum cannot corrupt data.
        configurationBuilder.Properties<AlertRule>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AlertSeverity>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AlertState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AlertEventKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<CorrectionType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SupervisionLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RiskLevel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SubjectStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DeviceKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PositioningReason>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PositioningOrderStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FenceKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FenceScopeKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AdminAreaRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CheckInMethod>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ActivityKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PartyMeetingKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PartyRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PartnerKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SupervisionLossKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FieldChannelKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FieldMessageTrigger>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<FieldMessageState>().HaveConversion<string>().HaveMaxLength(16);
    }
}
