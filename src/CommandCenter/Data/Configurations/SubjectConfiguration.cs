using CommandCenter.Squads;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.IdNumber).HasMaxLength(18);
        builder.Property(s => s.Phone).HasMaxLength(20);
        builder.Property(s => s.HomeAddress).HasMaxLength(200);
        builder.Property(s => s.Home).HasColumnType("geometry(Point,4326)");
        builder.HasOne<Squad>().WithMany().HasForeignKey(s => s.SquadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SquadId, s.Status });
    }
}
