package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** "Authenticator App": barcode, "Can't scan the barcode?", "Need an app?", code. */
public final class AuthenticatorAppPage extends Page {
    public AuthenticatorAppPage(WebDriver driver) {
        super(driver);
        awaitTemplate("two-step-enroll-app.ftl");
    }

    public boolean showsBarcode() {
        return find(By.id("two-step-qr")).getAttribute("src").startsWith("data:image/png;base64,");
    }

    public boolean keyVisible() {
        return driver.findElement(By.id("two-step-secret-key")).isDisplayed();
    }

    /** Opens "Can't scan the barcode?" and reads the key a seller would type into the app. */
    public String cantScanTheBarcode() {
        click(By.cssSelector("#cant-scan summary"));
        return find(By.id("two-step-secret-key")).getText();
    }

    public String needAnApp() {
        click(By.cssSelector("#need-app summary"));
        return find(By.cssSelector("#need-app .two-step-help-body")).getText();
    }

    public void verify(String code) {
        type(By.id("code"), code);
        submit(By.id("verify"));
    }
}
