using CommandCenter.RollCalls;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class RollCallAttendeeConfiguration : IEntityTypeConfiguration<RollCallAttendee>
{
    public void Configure(EntityTypeBuilder<RollCallAttendee> builder)
    {
        builder.ToTable("roll_call_attendees", t => t.HasCheckConstraint("ck_roll_call_attendees_marked", "(mark IS NULL) = (marked_at IS NULL)"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Mark).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Note).HasMaxLength(RollCallService.MaxNoteLength);
        builder.Property(a => a.MarkedBy).HasMaxLength(64);
        builder.HasOne<Subject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Cascade);
        // A person is called once to a roll call; the phone and the rules read a person's calls.
        builder.HasIndex(a => new { a.RollCallId, a.SubjectId }).IsUnique();
        builder.HasIndex(a => new { a.SubjectId, a.MarkedAt });
    }
}
