using CommandCenter.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Data.Configurations;

public class CommandCenterUserConfiguration : IEntityTypeConfiguration<CommandCenterUser>
{
    public void Configure(EntityTypeBuilder<CommandCenterUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(64);

        // Only the conditional UPDATE that claims a code writes the last used step. Identity saves the whole row
        // on every change (a failed attempt, a lockout reset); were this column in it, a stale copy loaded before a
        // code was claimed would write the old step back and let the same code in again.
        var lastStep = builder.Property(u => u.LastTotpStep).Metadata;
        lastStep.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        lastStep.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}
