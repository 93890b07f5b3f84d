using System.Text.Json;
using System.Text.Json.Serialization;
using Pulumi;

namespace Infra.Settings;

/// <summary>Reads an <see cref="Input{T}"/> setting from config as its plain value (e.g. a certificate
/// ARN written in the stack file), so specs can be read straight from YAML.</summary>
internal sealed class InputJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
        => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Input<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<Input<T>>
    {
        public override Input<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = JsonSerializer.Deserialize<T>(ref reader, options);
            return value is null ? null : (Input<T>)value;
        }

        public override void Write(Utf8JsonWriter writer, Input<T> value, JsonSerializerOptions options)
            => throw new NotSupportedException("Settings are only read.");
    }
}
