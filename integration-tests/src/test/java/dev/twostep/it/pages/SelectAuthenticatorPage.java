package dev.twostep.it.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Keycloak's "Try another way" page: the steps a user may switch to at this point of the flow. */
public final class SelectAuthenticatorPage extends Page {
    public SelectAuthenticatorPage(WebDriver driver) {
        super(driver);
        awaitTemplate("select-authenticator.ftl");
    }

    /** The executions offered (hidden fields, one form each). */
    public List<WebElement> options() {
        return driver.findElements(By.name("authenticationExecution"));
    }

    /** Clicks the n-th offered step (the visible tile that submits its form). */
    public void choose(int index) {
        driver.findElements(By.cssSelector("li div[role='button']")).get(index).click();
    }
}
