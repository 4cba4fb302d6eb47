package io.iisfarm.operator.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * What a fat jar carries: the packages of its classes ({@code a/b/c/}), its other files, the libraries shaded into
 * it (the {@code groupId:artifactId} of each {@code META-INF/maven/<g>/<a>/pom.properties}) and its Main-Class.
 */
record JarContents(SortedSet<String> packages, SortedSet<String> resources, SortedSet<String> artifacts,
    String mainClass) {

  static JarContents read(Path jar) throws IOException {
    SortedSet<String> packages = new TreeSet<>();
    SortedSet<String> resources = new TreeSet<>();
    SortedSet<String> artifacts = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(file.entries())) {
        String name = entry.getName();
        if (entry.isDirectory()) {
          continue;
        }
        // classes of a multi-release jar's versions/N folders count as their package's
        String path = name.replaceFirst("^META-INF/versions/\\d+/", "");
        if (path.endsWith(".class")) {
          packages.add(path.substring(0, path.lastIndexOf('/') + 1));
        } else if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
          String[] parts = name.split("/");
          artifacts.add(parts[2] + ":" + parts[3]);
        } else {
          resources.add(name);
        }
      }
      Manifest manifest = file.getManifest();
      String mainClass = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
      return new JarContents(packages, resources, artifacts, mainClass);
    }
  }

  /** Writes the libraries and packages to {@code file}, one a line, for a reader of the build's output. */
  Path writeListing(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# libraries (META-INF/maven), " + artifacts.size());
    lines.addAll(artifacts);
    lines.add("# packages, " + packages.size());
    lines.addAll(packages);
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, lines);
  }
}
