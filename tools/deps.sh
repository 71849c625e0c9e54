#!/usr/bin/env bash
# Installs the Debian 12 packages counsel-coach builds and tests with, when they are missing.
set -euo pipefail
packages=(cmake g++ make pkg-config libicu-dev libhunspell-dev hunspell-nl hunspell-en-us
          nlohmann-json3-dev doctest-dev libwxgtk3.2-dev gettext python3 xvfb xauth imagemagick)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
