using CommandCenter.Kpi.Records;
using CommandCenter.Squads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class PartyMemberConfiguration : IEntityTypeConfiguration<PartyMember>
{
    public void Configure(EntityTypeBuilder<PartyMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(32);
        builder.HasOne<Squad>().WithMany().HasForeignKey(m => m.SquadId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_party_members_dates", "left_on IS NULL OR left_on >= joined_on"));
    }
}
