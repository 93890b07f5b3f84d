using System.Collections.Generic;
using System.Collections.Immutable;

namespace Pulumi
{
    /// <summary>An asset or an archive.</summary>
    public abstract class AssetOrArchive
    {
        internal string SigKey { get; }
        internal string PropName { get; }
        internal object Value { get; }

        private protected AssetOrArchive(string sigKey, string propName, object value)
        {
            SigKey = sigKey;
            PropName = propName;
            Value = value;
        }
    }

    /// <summary>A blob of data.</summary>
    public abstract class Asset : AssetOrArchive
    {
        private protected Asset(string propName, object value) : base("c44067f5952c0a294b673a41bacd8c17", propName, value)
        {
        }
    }

    /// <summary>A collection of assets.</summary>
    public abstract class Archive : AssetOrArchive
    {
        private protected Archive(string propName, object value) : base("0def7320c3a5731c473e5ecbe6d01bc7", propName, value)
        {
        }
    }

    public sealed class FileAsset : Asset
    {
        public FileAsset(string path) : base("path", path) { }
    }

    public sealed class StringAsset : Asset
    {
        public StringAsset(string text) : base("text", text) { }
    }

    public sealed class RemoteAsset : Asset
    {
        public RemoteAsset(string uri) : base("uri", uri) { }
    }

    public sealed class FileArchive : Archive
    {
        public FileArchive(string path) : base("path", path) { }
    }

    public sealed class RemoteArchive : Archive
    {
        public RemoteArchive(string uri) : base("uri", uri) { }
    }

    public sealed class AssetArchive : Archive
    {
        public AssetArchive(IDictionary<string, AssetOrArchive> assets)
            : base("assets", assets.ToImmutableDictionary())
        {
        }
    }
}
