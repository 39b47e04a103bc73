package fundexchange.ops;

import fundexchange.signing.KeyMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;

/**
 * The demo's one exception to CONTRACTS.md 4: every synthetic participant's private key written as a PKCS#8 PEM file,
 * owner-only (files 0600 in a 0700 directory), named {@code <participantId>__<keyId>.pem}, with a {@code README.txt}
 * listing them with their roles, so that a person can sign in to the portal as any of them. Only {@code exchange demo}
 * writes them, into its own data directory, which it marks as a demo ({@link DemoDirectory}) so that {@code serve}
 * refuses it.
 */
final class DemoKeyFiles {
    /** The directory under the demo's data directory that holds the key files. */
    static final String DIRECTORY = "keys";

    /** One synthetic participant's key: who, in which roles, under which key id. */
    record DemoKey(String participantId, String role, String keyId, KeyPair keys) {
        /** {@code <participantId>__<keyId>.pem} (README.txt lists both ids of each file unambiguously). */
        String fileName() {
            return participantId + "__" + keyId + ".pem";
        }
    }

    private DemoKeyFiles() {
    }

    /** Writes every key and the README into {@code dataDirectory/keys}, which must not exist yet; returns that directory. */
    static Path write(Path dataDirectory, List<DemoKey> keys) {
        Path directory = dataDirectory.resolve(DIRECTORY);
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            StringBuilder readme = new StringBuilder("""
                    Demo participants' private keys / 演示参与者的私钥
                    Written by `exchange demo` for this demo only: synthetic participants, never real ones.
                    仅供本次演示使用：均为虚构参与者。`exchange serve` 拒绝使用演示数据目录。
                    Sign in to the portal with one of these files (PKCS#8 PEM). / 在门户中用其中一个文件（PKCS#8 PEM）登录。
                    File name: <participant id>__<key id>.pem / 文件名：<参与者编号>__<密钥编号>.pem

                    """);
            readme.append("%-14s %-10s %-18s %-8s %s%n".formatted("participant", "role", "key id", "algorithm", "file"));
            for (DemoKey key : keys) {
                KeyFiles.writeOwnerOnly(directory.resolve(key.fileName()), KeyMaterial.privateKeyPem(key.keys().getPrivate()));
                readme.append("%-14s %-10s %-18s %-8s %s%n".formatted(key.participantId(), key.role(), key.keyId(),
                        KeyMaterial.algorithmOf(key.keys().getPublic()).wireName(), key.fileName()));
            }
            KeyFiles.writeOwnerOnly(directory.resolve("README.txt"), readme.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo's key files into " + directory, e);
        }
        return directory;
    }
}
