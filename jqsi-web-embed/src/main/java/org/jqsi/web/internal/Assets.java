package org.jqsi.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The widget's static files, named by their content ({@code widget.3f9a0c1b2d.css}) so that they can be cached for a
 * year: a new release has new names. Loaded once from the jar.
 */
final class Assets {

    /** A static file. */
    public record Asset(String name, String versionedName, String contentType, byte[] content, String hash) {
    }

    private static final List<String> NAMES = List.of("widget.css", "frame.js", "embed.js");

    private final Map<String, Asset> byName = new LinkedHashMap<>();
    private final Map<String, Asset> byVersionedName = new LinkedHashMap<>();
    private final String version;

    public Assets() {
        StringBuilder all = new StringBuilder();
        for (String name : NAMES) {
            byte[] content = read(name);
            String hash = sha256(content).substring(0, 10);
            int dot = name.lastIndexOf('.');
            String versioned = name.substring(0, dot) + "." + hash + name.substring(dot);
            String type = name.endsWith(".css") ? "text/css;charset=UTF-8" : "text/javascript;charset=UTF-8";
            Asset asset = new Asset(name, versioned, type, content, hash);
            byName.put(name, asset);
            byVersionedName.put(versioned, asset);
            all.append(hash);
        }
        version = sha256(all.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 10);
    }

    /** The asset with a plain name; a name not in the list is a bug. */
    public Asset named(String name) {
        Asset asset = byName.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("no asset " + name);
        }
        return asset;
    }

    /** The asset served at a versioned name, if any. */
    public Optional<Asset> atVersionedName(String versionedName) {
        return Optional.ofNullable(byVersionedName.get(versionedName));
    }

    /** The versioned name of an asset. */
    public String versionedName(String name) {
        return named(name).versionedName();
    }

    /** A fingerprint of all assets: pages that link to them change when they do. */
    public String version() {
        return version;
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
