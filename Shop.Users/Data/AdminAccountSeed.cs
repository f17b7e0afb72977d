using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.ServiceDefaults.Authentication;
using Shop.Users.Domain;

namespace Shop.Users.Data;

/// <summary>
/// Makes sure the admin account exists with the configured password, at every start: the password is an AppHost
/// parameter, so changing it there takes effect on the next run. Idempotent, so every replica may run it.
/// </summary>
internal static class AdminAccountSeed
{
    public static async Task ApplyAsync(IServiceProvider services, UsersDbContext db, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<AdminAccountOptions>>().Value;
        var hasher = services.GetRequiredService<IPasswordHasher<User>>();
        var time = services.GetRequiredService<TimeProvider>();

        var normalizedEmail = User.Normalize(options.Email);
        var admin = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken);
        if (admin is null)
        {
            admin = User.Register(options.Email, "Administrator", ShopRoles.Admin, time.GetUtcNow());
            db.Users.Add(admin);
        }
        else if (hasher.VerifyHashedPassword(admin, admin.PasswordHash, options.Password) == PasswordVerificationResult.Success)
        {
            return;
        }

        admin.SetPasswordHash(hasher.HashPassword(admin, options.Password));
        await db.SaveChangesAsync(cancellationToken);
    }
}
