using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security.Accounts;

/// <summary>Adds the squad of a squad leader and the display name to the claims of every sign-in.</summary>
public class UserClaimsFactory(UserManager<CommandCenterUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<CommandCenterUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CommandCenterUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.SquadId is { } squad)
        {
            identity.AddClaim(new Claim(ClaimNames.Squad, squad.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            identity.AddClaim(new Claim("name", user.DisplayName));
        }

        return identity;
    }
}
