package dev.twostep.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Keycloak's username-and-password page, reached by opening the app (the Account Console). */
public final class SignInPage extends Page {
    public SignInPage(WebDriver driver) {
        super(driver);
    }

    public static SignInPage open(WebDriver driver, String appUrl) {
        driver.get(appUrl);
        SignInPage page = new SignInPage(driver);
        page.awaitTemplate("login.ftl");
        return page;
    }

    /** Waits until the page is shown (it may come after redirects). */
    public SignInPage awaitShown() {
        awaitTemplate("login.ftl");
        return this;
    }

    /** The re-authentication variant of the page: the username is known and hidden, only the password is asked. */
    public void confirmPassword(String password) {
        awaitTemplate("login.ftl");
        type(By.id("password"), password);
        submit(By.id("kc-login"));
    }

    public void signIn(String username, String password) {
        type(By.id("username"), username);
        type(By.id("password"), password);
        submit(By.id("kc-login"));
    }
}
