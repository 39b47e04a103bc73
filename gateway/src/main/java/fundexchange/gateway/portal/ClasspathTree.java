package fundexchange.gateway.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files under one classpath folder, from every root that holds it (a directory of classes or a jar), read once:
 * relative name (with {@code /}) to bytes. Nothing a request names ever reaches a file system: the portal serves only
 * what this read at start.
 */
final class ClasspathTree {
    /** The most a portal may ship, in bytes: the assets live in memory. */
    static final long MAX_TOTAL_BYTES = 16L << 20;

    private ClasspathTree() {
    }

    /** Every regular file under {@code folder} (no leading or trailing slash), in name order. */
    static Map<String, byte[]> read(ClassLoader loader, String folder) {
        return read(loader, folder, name -> true);
    }

    /** The regular files under {@code folder} whose relative names are {@code wanted}; no other file is read. */
    static Map<String, byte[]> read(ClassLoader loader, String folder, java.util.function.Predicate<String> wanted) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                readRoot(roots.nextElement().toURI(), folder, files, wanted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        long total = files.values().stream().mapToLong(bytes -> bytes.length).sum();
        if (total > MAX_TOTAL_BYTES) {
            throw new IllegalStateException("portal assets under " + folder + " exceed " + MAX_TOTAL_BYTES + " bytes");
        }
        return files;
    }

    private static void readRoot(URI root, String folder, Map<String, byte[]> files,
                                 java.util.function.Predicate<String> wanted) throws IOException {
        switch (root.getScheme()) {
            case "file" -> walk(Path.of(root), files, wanted);
            case "jar" -> {
                FileSystem jar;
                boolean owned;
                try {
                    jar = FileSystems.newFileSystem(root, Map.of());
                    owned = true;
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(root);
                    owned = false;
                }
                try {
                    walk(jar.getPath("/" + folder), files, wanted);
                } finally {
                    if (owned) {
                        jar.close();
                    }
                }
            }
            default -> throw new IllegalStateException("cannot read portal assets from " + root);
        }
    }

    private static void walk(Path base, Map<String, byte[]> files, java.util.function.Predicate<String> wanted)
            throws IOException {
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                String name = base.relativize(path).toString().replace('\\', '/');
                if (!wanted.test(name)) {
                    continue;
                }
                if (files.put(name, Files.readAllBytes(path)) != null) {
                    throw new IllegalStateException("portal asset " + name + " is on the classpath twice");
                }
            }
        }
    }
}
