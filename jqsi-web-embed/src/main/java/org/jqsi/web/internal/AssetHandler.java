package org.jqsi.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The widget's static files: {@code embed.js} at the address partners paste, the others at versioned names. */
final class AssetHandler {

    private final Assets assets;
    private final Duration scriptLifetime;
    private final ConditionalGet conditionalGet;

    /** @param scriptLifetime how long caches may keep {@code embed.js} */
    AssetHandler(Assets assets, Duration scriptLifetime, ConditionalGet conditionalGet) {
        this.assets = assets;
        this.scriptLifetime = scriptLifetime;
        this.conditionalGet = conditionalGet;
    }

    /**
     * {@code /embed.js}. Partners paste this address and cannot version it: a short lifetime lets fixes reach them.
     * Any site may load it.
     */
    void embedScript(Exchange x) throws IOException {
        Assets.Asset script = assets.named("embed.js");
        conditionalGet.answer(x, Caching.publicFor(scriptLifetime, EntityTag.quoted(script.hash()), null),
                Content.of(script.contentType()).with("Access-Control-Allow-Origin", "*"),
                () -> new RenderedResponses.Rendered(script.content(), null));
    }

    /** {@code /assets/{name}.{hash}.{css|js}}: the content at a name never changes, so it is kept for a year. */
    void versioned(Exchange x, String versionedName) throws IOException {
        Optional<Assets.Asset> found = assets.atVersionedName(versionedName);
        if (found.isEmpty()) {
            x.setHeader("Cache-Control", "no-store");
            x.send(404, "text/plain;charset=UTF-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Assets.Asset asset = found.get();
        conditionalGet.answer(x, Caching.immutable(EntityTag.quoted(asset.hash())), Content.of(asset.contentType()),
                () -> new RenderedResponses.Rendered(asset.content(), null));
    }
}
