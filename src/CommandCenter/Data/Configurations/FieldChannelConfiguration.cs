using CommandCenter.FieldMessages.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class FieldChannelConfiguration : IEntityTypeConfiguration<FieldChannel>
{
    public void Configure(EntityTypeBuilder<FieldChannel> builder)
    {
        builder.ToTable("field_channels");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(FieldChannelLimits.Name);
        builder.Property(c => c.Squad).HasMaxLength(32);
        builder.Property(c => c.ShownUrl).HasMaxLength(FieldChannelLimits.Url);
        builder.Property(c => c.ProtectedUrl).HasMaxLength(6000);
        builder.Property(c => c.ProtectedSecret).HasMaxLength(2000);
        builder.Property(c => c.Body).HasMaxLength(FieldChannelLimits.Body);
        builder.Property(c => c.ContentType).HasMaxLength(FieldChannelLimits.ContentType);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(c => c.Name).IsUnique();
    }
}
