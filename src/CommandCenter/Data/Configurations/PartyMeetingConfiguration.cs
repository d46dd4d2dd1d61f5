using CommandCenter.Kpi.Records;
using CommandCenter.Squads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class PartyMeetingConfiguration : IEntityTypeConfiguration<PartyMeeting>
{
    public void Configure(EntityTypeBuilder<PartyMeeting> builder)
    {
        builder.Property(m => m.Topic).HasMaxLength(100);
        builder.Property(m => m.Note).HasMaxLength(500);
        builder.HasOne<Squad>().WithMany().HasForeignKey(m => m.SquadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.Kind, m.Date });
        builder.ToTable(t => t.HasCheckConstraint("ck_party_meetings_attendance", "attendance > 0"));
    }
}
