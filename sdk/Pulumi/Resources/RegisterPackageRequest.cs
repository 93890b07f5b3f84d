using System.Collections.Generic;

namespace Pulumi
{
    /// <summary>
    /// Identifies the package (plugin) a parameterised or extension SDK belongs to. Same shape as
    /// pulumi-dotnet v3.112.1 sdk/Pulumi/Resources/RegisterPackageRequest.cs: checksums are raw
    /// bytes per platform, never null; the parameterisation type is nested; a package sets either
    /// <see cref="Parameterization"/> or <see cref="Extension"/>. The mock engine only accepts it.
    /// </summary>
    public sealed class RegisterPackageRequest
    {
        /// <summary>The parameter a parameterised package was generated from.</summary>
        public sealed class PackageParameterization
        {
            public string Name { get; }
            public string Version { get; }
            public byte[] Value { get; }

            public PackageParameterization(string name, string version, byte[] value)
            {
                Name = name;
                Version = version;
                Value = value;
            }
        }

        public string Name { get; }
        public string Version { get; }
        public string DownloadUrl { get; }
        public Dictionary<string, byte[]> Checksums { get; }
        public PackageParameterization? Parameterization { get; }
        public PackageParameterization? Extension { get; }

        public RegisterPackageRequest(
            string name,
            string version,
            string? downloadUrl,
            Dictionary<string, byte[]>? checksums,
            PackageParameterization? parameterization)
            : this(name, version, downloadUrl, checksums, parameterization, extension: null)
        {
        }

        public RegisterPackageRequest(
            string name,
            string version,
            string? downloadUrl,
            Dictionary<string, byte[]>? checksums = null,
            PackageParameterization? parameterization = null,
            PackageParameterization? extension = null)
        {
            Name = name;
            Version = version;
            DownloadUrl = downloadUrl ?? "";
            Checksums = checksums ?? new Dictionary<string, byte[]>();
            Parameterization = parameterization;
            Extension = extension;
        }
    }
}
