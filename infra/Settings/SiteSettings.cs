namespace Infra.Settings;

/// <summary>
/// One place the service runs (an entry of <c>infra:sites</c>): a cloud and where in it. The first
/// site is the primary; with <c>infra:failover</c>, DNS fails over through the sites in list order.
/// Each cloud's entries add their own settings (<see cref="AwsSiteSettings"/>, <see cref="AzureSiteSettings"/>, <see cref="KubernetesSiteSettings"/>).
/// </summary>
public abstract class SiteSettings
{
    /// <summary>The cloud of the site, one of <see cref="SiteClouds"/>. Required in <c>infra:sites</c>;
    /// the legacy <c>infra:regions</c> entries are AWS sites without it.</summary>
    public string? Cloud { get; set; }

    /// <summary>Stable key of the site: it names the site's resources, its failover endpoint and what
    /// <c>drill --fail</c> takes. Default: the region or location.</summary>
    public string? Name { get; set; }

    /// <summary>Where in its cloud the site runs: the AWS region or Azure location, as written.</summary>
    public abstract string? Where { get; }

    /// <summary>The site's key: <see cref="Name"/>, else <see cref="Where"/>.</summary>
    public string Key => Name ?? Where ?? "";
}
