#!/usr/bin/env bash
# Generates the Danish placeholder prompts (da/<name>.wav) from prompts.txt with espeak-ng, and the hold music
# (../moh/hotline/) with sox, in a format Asterisk 20 plays without transcoding files: 8 kHz, mono, 16-bit WAV.
# Needs: apt-get install espeak-ng sox. Run from anywhere; rewrites every generated file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
while IFS='|' read -r name text; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  mkdir -p "$here/da/$(dirname "$name")"
  espeak-ng -v da -s 150 -w "$tmp/raw.wav" "$text"
  sox "$tmp/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$here/da/$name.wav" norm -3
done <"$here/prompts.txt"
# Hold music: a slow, quiet sequence of soft chords, 24 s, looped by Asterisk.
moh="$here/../moh/hotline"
mkdir -p "$moh"
parts=()
i=0
for chord in "C4 E4 G4" "A3 C4 E4" "F3 A3 C4" "G3 B3 D4" "C4 E4 G4" "E3 G3 B3" "F3 A3 C4" "G3 B3 D4"; do
  read -r a b c <<<"$chord"
  sox -n -r 8000 -c 1 -b 16 "$tmp/part$i.wav" synth 3 pluck "$a" pluck "$b" pluck "$c" remix - fade 0.05 3 0.8 vol 0.5
  parts+=("$tmp/part$i.wav")
  i=$((i + 1))
done
sox "${parts[@]}" -r 8000 -c 1 -b 16 -e signed-integer "$moh/hotline-hold-music.wav" norm -12
