#!/usr/bin/env bash
# Foundation benchmark (figures, not a test): wall time of `dotnet test` on the conformance tests,
# and a 500-resource program under the mock engine. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
export PULUMI_SDK="${PULUMI_SDK:-offline}"
dotnet build Infra.sln -v q -nologo >/dev/null
start=$(date +%s.%N)
dotnet test tests/Infra.Tests.csproj --no-build --filter "FullyQualifiedName~Infra.Tests.Sdk" -v q -nologo | tail -n 1
end=$(date +%s.%N)
echo "conformance: dotnet test (no build) took $(echo "$end - $start" | bc) s"
dotnet run --project infra --no-build -- bench-engine --resources 500 --runs 7
