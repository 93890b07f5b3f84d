using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Pulumi
{
    /// <summary>A bag of configuration values of one namespace (by default the project's),
    /// read from PULUMI_CONFIG as the real SDK does.</summary>
    public sealed partial class Config
    {
        private readonly string _name;

        public Config(string? name = null)
        {
            name ??= Deployment.Instance.ProjectName;
            if (name.EndsWith(":config", StringComparison.Ordinal))
                name = name.Substring(0, name.Length - ":config".Length);
            _name = name;
        }

        private string FullKey(string key) => _name + ":" + key;

        public string? Get(string key)
            => Deployment.InternalInstance.AllConfig.TryGetValue(FullKey(key), out var value) ? value : null;

        public Output<string>? GetSecret(string key) => MakeSecret(Get(key));

        public bool? GetBoolean(string key)
        {
            var v = Get(key);
            return v == null ? default(bool?) :
                v == "true" ? true :
                v == "false" ? false :
                throw new ConfigTypeException(FullKey(key), v, nameof(Boolean));
        }

        public Output<bool>? GetSecretBoolean(string key) => MakeStructSecret(GetBoolean(key));

        public int? GetInt32(string key)
        {
            var v = Get(key);
            return v == null ? default(int?) :
                int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) ? result :
                throw new ConfigTypeException(FullKey(key), v, nameof(Int32));
        }

        public Output<int>? GetSecretInt32(string key) => MakeStructSecret(GetInt32(key));

        public double? GetDouble(string key)
        {
            var v = Get(key);
            return v == null ? default(double?) :
                double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) ? result :
                throw new ConfigTypeException(FullKey(key), v, nameof(Double));
        }

        public Output<double>? GetSecretDouble(string key) => MakeStructSecret(GetDouble(key));

        [return: MaybeNull]
        public T GetObject<T>(string key) => GetObject<T>(key, null!);

        [return: MaybeNull]
        public T GetObject<T>(string key, JsonSerializerOptions options)
        {
            var v = Get(key);
            if (v == null)
                return default;
            try
            {
                return JsonSerializer.Deserialize<T>(v, options);
            }
            catch (JsonException ex)
            {
                throw new ConfigTypeException(FullKey(key), v, typeof(T).FullName!, ex);
            }
        }

        public Output<T>? GetSecretObject<T>(string key)
        {
            if (Get(key) == null)
                return null;
            return Output.CreateSecret(GetObject<T>(key)!);
        }

        // As the real Config: this overload tests the deserialised value (a JSON null gives null; a
        // missing value type gives a secret default), the one without options tests the raw string.
        public Output<T>? GetSecretObject<T>(string key, JsonSerializerOptions options)
        {
            var v = GetObject<T>(key, options);
            if (v == null)
                return null;
            return Output.CreateSecret(v);
        }

        public string Require(string key) => Get(key) ?? throw new ConfigMissingException(FullKey(key));

        public Output<string> RequireSecret(string key) => Output.CreateSecret(Require(key));

        public bool RequireBoolean(string key) => GetBoolean(key) ?? throw new ConfigMissingException(FullKey(key));

        public Output<bool> RequireSecretBoolean(string key) => Output.CreateSecret(RequireBoolean(key));

        public int RequireInt32(string key) => GetInt32(key) ?? throw new ConfigMissingException(FullKey(key));

        public Output<int> RequireSecretInt32(string key) => Output.CreateSecret(RequireInt32(key));

        public double RequireDouble(string key) => GetDouble(key) ?? throw new ConfigMissingException(FullKey(key));

        public Output<double> RequireSecretDouble(string key) => Output.CreateSecret(RequireDouble(key));

        public T RequireObject<T>(string key) => RequireObject<T>(key, null!);

        public T RequireObject<T>(string key, JsonSerializerOptions options)
        {
            var v = Get(key);
            if (v == null)
                throw new ConfigMissingException(FullKey(key));
            return GetObject<T>(key, options)!;
        }

        public Output<T> RequireSecretObject<T>(string key) => Output.CreateSecret(RequireObject<T>(key));

        public Output<T> RequireSecretObject<T>(string key, JsonSerializerOptions options) => Output.CreateSecret(RequireObject<T>(key, options));

        private static Output<string>? MakeSecret(string? value) => value == null ? null : Output.CreateSecret(value);

        private static Output<T>? MakeStructSecret<T>(T? value) where T : struct
            => value == null ? null : Output.CreateSecret(value.GetValueOrDefault());

        /// <summary>A configuration value that does not parse as the requested type.</summary>
        private sealed class ConfigTypeException : RunException
        {
            public ConfigTypeException(string key, object? v, string expectedType)
                : this(key, v, expectedType, innerException: null)
            {
            }

            public ConfigTypeException(string key, object? v, string expectedType, Exception? innerException)
                : base($"Configuration '{key}' value '{v}' is not a valid {expectedType}", innerException)
            {
            }
        }

        /// <summary>A required configuration value that is not set.</summary>
        private sealed class ConfigMissingException : RunException
        {
            public ConfigMissingException(string key)
                : base($"Missing Required configuration variable '{key}'\n" +
                       $"\tplease set a value using the command `pulumi config set {key} <value>`")
            {
            }
        }
    }
}
