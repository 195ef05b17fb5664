package dk.hotline.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root, found from wherever the tests run (the folder holding deploy/local/hotline). */
final class Repo {

    static final Path ROOT = find();

    private Repo() {
    }

    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local/hotline"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the hotline repository: " + Path.of("").toAbsolutePath());
    }
}
