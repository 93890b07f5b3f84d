#!/usr/bin/env bash
# Plan-time benchmark (figures, not a test): each stack planned by a cold `dotnet run` (process start,
# JIT) and warm, in process. Target: prod under 3 s warm on 2 cores. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
export PULUMI_SDK="${PULUMI_SDK:-offline}"
dotnet build infra/Infra.csproj -v q -nologo >/dev/null
for stack in dev staging prod azure-dev k8s-staging; do
  start=$(date +%s.%N)
  dotnet run --project infra --no-build -- plan --stack "$stack" >/dev/null
  end=$(date +%s.%N)
  echo "plan $stack: cold dotnet run $(echo "$end - $start" | bc) s"
done
dotnet run --project infra --no-build -- bench-plan --runs 5
