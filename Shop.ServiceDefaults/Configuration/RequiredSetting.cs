namespace Shop.ServiceDefaults.Configuration;

/// <summary>One setting that must have a value, as named options (the name is the setting's).</summary>
internal sealed class RequiredSetting
{
    public string? Value { get; set; }
}
