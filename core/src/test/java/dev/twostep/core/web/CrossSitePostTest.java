package dev.twostep.core.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** Which posts count as another site's. */
class CrossSitePostTest {
    private static final URI OURS = URI.create("https://login.example.com/");

    @Test
    void theBrowsersWordDecidesWhenItGivesOne() {
        assertFalse(CrossSitePost.isCrossSite("same-origin", null, OURS));
        assertFalse(CrossSitePost.isCrossSite("none", null, OURS), "typed or bookmarked by the user");
        assertTrue(CrossSitePost.isCrossSite("cross-site", "https://login.example.com", OURS),
                "a forged Origin does not outweigh it");
        assertTrue(CrossSitePost.isCrossSite("same-site", null, OURS), "a sibling subdomain is another site");
    }

    @Test
    void withoutItAForeignOriginGivesTheSiteAway() {
        assertTrue(CrossSitePost.isCrossSite(null, "https://evil.example.net", OURS));
        assertFalse(CrossSitePost.isCrossSite(null, "https://login.example.com", OURS));
        assertFalse(CrossSitePost.isCrossSite(null, "null", OURS), "no referrer: proves nothing");
        assertFalse(CrossSitePost.isCrossSite(null, null, OURS));
        assertFalse(CrossSitePost.isCrossSite(null, "http://localhost:8080",
                URI.create("http://localhost:8080/")));
    }
}
