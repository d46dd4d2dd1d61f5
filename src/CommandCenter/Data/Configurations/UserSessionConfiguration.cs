using CommandCenter.Security.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(UserSession.IdLength);
        builder.Property(s => s.UserName).HasMaxLength(256);
        builder.Property(s => s.Role).HasMaxLength(32);
        builder.Property(s => s.RemoteAddress).HasMaxLength(64);
        builder.Property(s => s.RevokedBy).HasMaxLength(256);
        builder.HasIndex(s => s.DemoLinkId);
        builder.HasIndex(s => s.LastSeenAt).HasFilter("revoked_at IS NULL");
    }
}
