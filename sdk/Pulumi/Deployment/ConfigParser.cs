using System;
using System.Collections.Immutable;
using System.Text.Json;

namespace Pulumi
{
    /// <summary>Reads PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS as Deployment_Config.cs does.</summary>
    internal static class ConfigParser
    {
        public static ImmutableDictionary<string, string> ParseConfig(string? json)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string>();
            if (string.IsNullOrEmpty(json))
                return builder.ToImmutable();
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
                builder[CleanKey(property.Name)] = property.Value.ToString();
            return builder.ToImmutable();
        }

        public static ImmutableHashSet<string> ParseSecretKeys(string? json)
        {
            var builder = ImmutableHashSet.CreateBuilder<string>();
            if (string.IsNullOrEmpty(json))
                return builder.ToImmutable();
            using var document = JsonDocument.Parse(json);
            foreach (var item in document.RootElement.EnumerateArray())
                builder.Add(CleanKey(item.GetString() ?? ""));
            return builder.ToImmutable();
        }

        /// <summary>Legacy keys <c>proj:config:key</c> become <c>proj:key</c>.</summary>
        private static string CleanKey(string key)
        {
            var index = key.IndexOf(':', StringComparison.Ordinal);
            if (index > 0 && key.Substring(index + 1).StartsWith("config:", StringComparison.Ordinal))
                return key.Substring(0, index) + ":" + key.Substring(index + 1 + "config:".Length);
            return key;
        }
    }
}
