using ECommerce.Auth;
using ECommerce.Auth.Accounts;
using ECommerce.Auth.Admin;
using ECommerce.Auth.Email;
using ECommerce.Auth.EmailVerification;
using ECommerce.Auth.PasswordReset;
using ECommerce.Auth.Registration;
using ECommerce.Auth.SignIn;
using ECommerce.Auth.Tokens;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAuthService();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseDefaultProblemDetails();
app.UseProtocolErrorPages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapConnectEndpoints();
app.MapSignIn();
app.MapRegistration();
app.MapPasswordReset();
app.MapEmailVerification();
app.MapMyAccount();
app.MapAccountAdministration();
app.MapDevelopmentMailbox();

await app.RunOrMigrateAsync(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
