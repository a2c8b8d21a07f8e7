package dev.twostep.it.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Looks at each page a walk reaches as a seller's device shows it: nothing scrolls sideways, every control is
 * big enough for a thumb, fields bring up the right keypad, the page has its own title, and Deque's axe-core
 * finds no serious or critical accessibility problem. Problems are collected page by page and reported
 * together, so one run shows everything to fix.
 */
public final class PageAudit {
    /** A screen a seller uses: its size, whether it is touched, and the language its browser asks for. */
    public record Device(String name, int width, int height, boolean touch, String languages) {
        public static final Device PHONE = new Device("phone", 390, 844, true, "it-IT,it");
        public static final Device DESKTOP = new Device("desktop", 1280, 800, false, "en-US,en");
    }

    /** Smallest side of a control, in CSS px (WCAG 2.5.5, Apple's and Google's guidance). */
    private static final int THUMB = 44;
    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    /**
     * What a seller can touch, each at least {@link #THUMB} px both ways. A radio or checkbox counts by its
     * label, which is what the thumb meets; a link inside running text does not count (WCAG's inline exception).
     */
    private static final String LAYOUT = """
            const problems = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth) {
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''))
                .slice(0, 5);
              problems.push('scrolls sideways: ' + root.scrollWidth + ' px wide on a ' + root.clientWidth + ' px screen (' + wide.join(', ') + ')');
            }
            const controls = document.querySelectorAll('button, a[href], select, textarea, summary, '
              + 'input:not([type=hidden]):not([type=radio]):not([type=checkbox]), input[type=radio] + label, input[type=checkbox] + label');
            for (const c of controls) {
              const box = c.getBoundingClientRect();
              const style = getComputedStyle(c);
              if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || c.closest('[hidden], details:not([open]) > :not(summary)')) continue;
              if (c.tagName === 'A' && c.closest('p, li') && !c.classList.contains('pf-v5-c-button') && !c.classList.contains('two-step-link')) continue;
              if (box.width < arguments[0] || box.height < arguments[0]) {
                problems.push('small target ' + c.tagName.toLowerCase() + (c.id ? '#' + c.id : '') + ' "' + (c.textContent || c.value || '').trim().slice(0, 30) + '" ' + Math.round(box.width) + 'x' + Math.round(box.height));
              }
            }
            const h1 = document.querySelector('h1');
            const heading = h1 ? h1.textContent.trim().replace(/\\s+/g, ' ') : '';
            if (!heading || !document.title.startsWith(heading)) {
              problems.push('title "' + document.title + '" does not name the page "' + heading + '"');
            }
            const keypads = {number: ['tel', 'tel', 'tel-national'], code: ['text', 'numeric', 'one-time-code']};
            for (const [id, [type, mode, fill]] of Object.entries(keypads)) {
              const f = document.getElementById(id);
              if (f && (f.type !== type || f.inputMode !== mode || f.autocomplete !== fill)) {
                problems.push('#' + id + ' is type=' + f.type + ' inputmode=' + f.inputMode + ' autocomplete=' + f.autocomplete);
              }
            }
            return problems;
            """;

    private final Device device;
    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    public PageAudit(Device device) {
        this.device = device;
    }

    /** A browser of this device: a touch phone is emulated by Chromium's own device emulation. */
    public ChromeDriver open() {
        ChromeOptions options = Browser.headlessOptions("--lang=" + device.languages().split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", device.languages()));
        if (device.touch()) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", device.width(), "height", device.height(), "pixelRatio", 3.0,
                            "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/130.0 Mobile Safari/537.36"));
        } else {
            options.addArguments("--window-size=" + device.width() + "," + device.height());
        }
        return Browser.start(options);
    }

    /** Looks at the page {@code browser} shows now, recording what is wrong with it under {@code page}. */
    public void check(ChromeDriver browser, String page) {
        List<String> found = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> layout = (List<String>) ((JavascriptExecutor) browser).executeScript(LAYOUT, THUMB);
        found.addAll(layout);
        Results axe = new AxeBuilder().analyze(browser);
        if (axe.isErrored()) {
            found.add("axe-core did not run: " + axe.getErrorMessage());
        }
        for (Rule rule : axe.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                found.add("axe " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
            }
        }
        Screenshots.save(browser, device.name() + "-" + page);
        if (!found.isEmpty()) {
            problems.put(page, found);
        }
    }

    /** Every problem found, page by page; empty when every page passed. */
    public String report() {
        StringBuilder report = new StringBuilder();
        problems.forEach((page, list) -> {
            report.append(device.name()).append(" / ").append(page).append(":\n");
            list.forEach(problem -> report.append("  - ").append(problem).append('\n'));
        });
        return report.toString();
    }
}
