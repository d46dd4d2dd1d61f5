using CommandCenter.DemoView;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class DemoLinkConfiguration : IEntityTypeConfiguration<DemoLink>
{
    public void Configure(EntityTypeBuilder<DemoLink> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(DemoLink.NameLength);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.RevokedBy).HasMaxLength(256);
    }
}
