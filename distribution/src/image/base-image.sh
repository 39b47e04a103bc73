#!/bin/sh
# The OCI image's base, built without a registry (none is reachable from the build machines): a docker-archive tar
# with one layer holding Debian 12's libc6, libgcc-s1, libstdc++6 and dash (fetched with apt-get download, which
# checks them against Debian's signed Release files), a Java runtime jlink'ed from the build's own JDK, a non-root
# user 10001 and the data directory /var/lib/fundexchange. Jib builds the exchange's layers on it (from.image tar://).
# Usage: base-image.sh JDK_HOME OUT_DIR        writes OUT_DIR/base-image.tar (needs root: the layer's owners)
# 镜像基础层：不依赖镜像仓库，由 Debian 12 软件包与构建所用 JDK 经 jlink 生成的运行时组成。
set -eu
jdk=$1
out=$2
rm -rf "$out"
mkdir -p "$out/debs" "$out/rootfs"
out=$(cd "$out" && pwd -P)
rootfs=$out/rootfs

# glibc for the JVM; libgcc/libstdc++ and /bin/sh for the embedded PostgreSQL's binaries (pg_ctl runs postgres via sh);
# of libc-bin only the C.UTF-8 locale (initdb refuses LANG=C.UTF-8 without it).
(cd "$out/debs" && apt-get download -q -o APT::Sandbox::User=root libc6 libgcc-s1 libstdc++6 dash libc-bin)
mkdir -p "$rootfs/usr/share/fundexchange"
for deb in "$out"/debs/*.deb; do
  case $deb in
    */libc-bin_*) dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$rootfs" ./usr/lib/locale/C.utf8 ;;
    *) dpkg-deb -x "$deb" "$rootfs" ;;
  esac
  dpkg-deb -f "$deb" Package Version | sed 's/^[^:]*: //' | paste -sd= >> "$rootfs/usr/share/fundexchange/base-packages.txt"
done
sed -i 's|^libc-bin=.*|& (usr/lib/locale/C.utf8 only)|' "$rootfs/usr/share/fundexchange/base-packages.txt"
rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/lintian" "$rootfs/usr/share/gdb" \
  "$rootfs/usr/share/gcc" "$rootfs/usr/share/locale"
ldconfig -r "$rootfs"

# The runtime: what the exchange and its libraries use (java.se; javac for Chronicle's generated code; Unsafe; the
# signing agent's HTTP server; jcmd for thread and heap dumps), without debug symbols, headers and man pages.
"$jdk/bin/jlink" --output "$rootfs/opt/java" --strip-debug --no-header-files --no-man-pages --compress zip-6 \
  --add-modules java.se,jdk.compiler,jdk.unsupported,jdk.crypto.ec,jdk.charsets,jdk.localedata,jdk.zipfs,jdk.net,jdk.naming.dns,jdk.security.auth,jdk.security.jgss,jdk.httpserver,jdk.management,jdk.jfr,jdk.management.jfr,jdk.jcmd,jdk.attach
"$rootfs/opt/java/bin/java" -version 2> "$rootfs/usr/share/fundexchange/java-version.txt"

mkdir -p "$rootfs/etc/fundexchange" "$rootfs/var/lib/fundexchange" "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nexchange:x:10001:10001:fund exchange:/var/lib/fundexchange:/usr/sbin/nologin\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\nexchange:x:10001:\n' > "$rootfs/etc/group"
# localhost for the embedded PostgreSQL and the JDBC URL; runtimes that write their own /etc/hosts mount it over this.
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$rootfs/etc/hosts"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
chown -R 0:0 "$rootfs"
chown 10001:10001 "$rootfs/var/lib/fundexchange"
chmod 0700 "$rootfs/var/lib/fundexchange"
chmod 1777 "$rootfs/tmp"

# One layer, reproducible for the same inputs: sorted names, no times, numeric owners.
(cd "$rootfs" && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort > "$out/files")
tar -C "$rootfs" --no-recursion --numeric-owner --mtime=@0 --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -T "$out/files" -cf "$out/layer.tar"
diff_id=$(sha256sum "$out/layer.tar" | cut -d' ' -f1)
cat > "$out/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z","config":{"Env":["PATH=/opt/java/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"distribution/src/image/base-image.sh: $(paste -sd' ' "$rootfs/usr/share/fundexchange/base-packages.txt" | tr -d '"'); jlink"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["fundexchange/base:local"],"Layers":["layer.tar"]}]\n' > "$out/manifest.json"
tar -C "$out" --numeric-owner --owner=0 --group=0 --mtime=@0 -cf "$out/base-image.tar" manifest.json config.json layer.tar
rm -rf "$out/layer.tar" "$out/files"
echo "base image: $out/base-image.tar ($(du -h "$out/base-image.tar" | cut -f1)), $(paste -sd',' "$rootfs/usr/share/fundexchange/base-packages.txt")"
