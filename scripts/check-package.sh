#!/usr/bin/env bash
# Packs Infra.Components and builds a .NET 8 Pulumi project against the packed package, as a user
# on .NET 8 (LTS) would: a project outside this repository with one PackageReference to
# Infra.Components, whose dependencies (Pulumi 3.112.1, Pulumi.Aws 7.48.0, ...) restore as packages.
# Shows that the package restores and compiles for net8.0 (and net10.0 with --framework net10.0).
#
#   scripts/check-package.sh [--framework net8.0|net10.0] [--keep] [--no-build]
#
# PULUMI_SDK=nuget: the dependencies are the real Pulumi packages from NuGet.
# PULUMI_SDK=offline (this workplace, whose NuGet copy has no Pulumi packages): the stand-ins under sdk/
# are packed into the same local feed under the real ids and versions, so the consumer restores them
# as it would restore the real ones.
# --no-build packs what the last Debug build of Infra.sln left (CI runs it after the tests).
#
# The machine needs no .NET 8 runtime for this: building uses the net8.0 targeting pack (restored from
# NuGet); only running net8.0 code needs the runtime. The consumer restores into its own package
# folder, so nothing it restores mixes with the repository's packages (the offline stand-ins under
# sdk/ carry the real packages' names and versions and must never meet them in one cache).
set -euo pipefail
cd "$(dirname "$0")/.."

framework=net8.0
keep=false
build=()
configuration=Release
while [ $# -gt 0 ]; do
  case "$1" in
    --framework) framework="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    --no-build) build=(--no-build); configuration=Debug; shift ;;
    *) echo "check-package: unknown argument $1 (use --framework net8.0|net10.0, --keep, --no-build)" >&2; exit 2 ;;
  esac
done
sdk="${PULUMI_SDK:-nuget}"
case "$sdk" in nuget|offline) ;; *) echo "check-package: PULUMI_SDK=$sdk: use nuget or offline" >&2; exit 2 ;; esac

work="$(mktemp -d)"
$keep || trap 'rm -rf "$work"' EXIT
feed="$work/feed"
consumer="$work/consumer"
mkdir -p "$feed" "$consumer"

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)"
echo "check-package: packing Infra.Components $version (PulumiSdk=$sdk)"
dotnet pack components/Infra.Components.csproj -c "$configuration" "${build[@]}" -o "$feed" -nologo -v q -p:PulumiSdk="$sdk"
if [ "$sdk" = offline ]; then
  for project in Pulumi Pulumi.Aws Pulumi.Azure Pulumi.Kubernetes Pulumi.Random; do
    dotnet pack "sdk/$project/$project.csproj" -c "$configuration" "${build[@]}" -o "$feed" -nologo -v q -p:IsPackable=true -p:PulumiSdk="$sdk"
  done
fi

# The consumer: outside the repository, so none of its Directory.*.props apply.
cat > "$consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <config>
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
</configuration>
XML
cat > "$consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>$framework</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Infra.Components" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$consumer/Program.cs" <<'CS'
using Infra.Components.Networking.Aws;
using Pulumi;

// A .NET 8 Pulumi program using the package: one network, its VPC id as a stack output.
return await Deployment.RunAsync(() =>
{
    var network = new AwsNetwork("net", new AwsNetworkArgs
    {
        AvailabilityZones = ["us-east-1a", "us-east-1b"],
    });
    return new Dictionary<string, object?>
    {
        ["vpcId"] = network.VpcId,
    };
});
CS

echo "check-package: restoring and building a $framework consumer of Infra.Components $version"
(cd "$consumer" && dotnet build -nologo -v q)
assembly="$consumer/bin/Debug/$framework/Consumer.dll"
[ -f "$assembly" ] || { echo "check-package: $assembly was not built" >&2; exit 1; }
echo "check-package: ok: $framework consumer built against Infra.Components $version ($(ls "$feed" | tr '\n' ' '))"
