# Shared by measure-build.sh and probe-cold.sh (sourced, not run): how a synthetic mesh project is built and timed.
# The caller sets $work, a scratch folder for the last build's log.

# One build of the project in the folder, in seconds; fails loudly if the build fails. Extra arguments go to dotnet build.
timed() {
  local dir=$1 start end; shift
  start=$(date +%s.%N)
  if ! dotnet build "$dir/Mesh.csproj" -c Release --no-restore --no-dependencies -v q -nologo "$@" >"$work/last.log" 2>&1; then
    cat "$work/last.log" >&2; exit 1
  fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# From scratch: everything compiled again, as after a clone, except that the manifests a build wrote stay. Figures before
# 2026-12-04's ninth session were taken so (the synthetic project wrote them outside bin); a clean checkout writing every
# file is measured apart (write-manifests; docs/performance.md, "Where the synthetic project put its manifests").
from_scratch() {
  rm -rf "$1/obj/Release"
  if [ -d "$1/bin" ]; then find "$1/bin" -type f ! -path '*/manifests/*' -delete; fi
}

median() { # of the numbers given
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
