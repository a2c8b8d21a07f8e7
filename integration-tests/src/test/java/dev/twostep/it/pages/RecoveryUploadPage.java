package dev.twostep.it.pages;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** "Send your identity documents": files, a contact note, "Send request". */
public final class RecoveryUploadPage extends Page {
    public RecoveryUploadPage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-recovery-upload.ftl");
    }

    public RecoveryUploadPage attach(Path... files) {
        driver.findElement(By.id("documents")).sendKeys(
                Arrays.stream(files).map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining("\n")));
        return this;
    }

    /** Turns the page's size check off, as a browser without script would be, so the server's check answers. */
    public RecoveryUploadPage withoutScriptChecks() {
        ((JavascriptExecutor) driver).executeScript(
                "document.getElementById('documents').dataset.maxBytes = '1e15';");
        return this;
    }

    /** The page's own message about a file before anything is sent. */
    public String scriptCheck() {
        return driver.findElement(By.id("documents-check")).getText();
    }

    public RecoveryUploadPage note(String text) {
        type(By.id("note"), text);
        return this;
    }

    public String noteShown() {
        return driver.findElement(By.id("note")).getAttribute("value");
    }

    public String added() {
        return driver.findElements(By.id("recovery-added")).isEmpty() ? ""
                : driver.findElement(By.id("recovery-added")).getText();
    }

    /** True when field {@code id} is marked invalid and names its error element (styled as an error). */
    public boolean errorIsTiedTo(String id) {
        org.openqa.selenium.WebElement field = driver.findElement(By.id(id));
        String describedBy = field.getAttribute("aria-describedby");
        return "true".equals(field.getAttribute("aria-invalid")) && describedBy != null
                && describedBy.contains("input-error-" + id)
                && !driver.findElements(By.cssSelector(".pf-m-error #input-error-" + id + ", #input-error-" + id + ".pf-m-error")).isEmpty();
    }

    public void send() {
        submit(By.id("send"));
    }
}
