using CommandCenter.SpotChecks;
using CommandCenter.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class RegisteredPhotoConfiguration : IEntityTypeConfiguration<RegisteredPhoto>
{
    public void Configure(EntityTypeBuilder<RegisteredPhoto> builder)
    {
        builder.ToTable("registered_photos");
        builder.HasKey(p => p.SubjectId);
        builder.Property(p => p.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(p => p.UploadedBy).HasMaxLength(64);
        builder.HasOne<Subject>().WithOne().HasForeignKey<RegisteredPhoto>(p => p.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
