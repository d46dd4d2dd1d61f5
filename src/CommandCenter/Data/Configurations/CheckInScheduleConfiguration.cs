using CommandCenter.Subjects;
using CommandCenter.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class CheckInScheduleConfiguration : IEntityTypeConfiguration<CheckInSchedule>
{
    public void Configure(EntityTypeBuilder<CheckInSchedule> builder)
    {
        builder.HasKey(s => s.SubjectId);
        builder.Property(s => s.SubjectId).ValueGeneratedNever();
        builder.Property(s => s.UpdatedBy).HasMaxLength(64);
        builder.HasOne<Subject>().WithOne().HasForeignKey<CheckInSchedule>(s => s.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("ck_check_in_schedules_interval", "interval_days BETWEEN 1 AND 366"));
    }
}
