<#import "two-step.ftl" as ts>
<#-- "This wasn't me" from a notice e-mail: the password, then what happened and what comes next. -->
<@ts.page header=msg("twoStepNotMeTitle") fields=["password"]>
  <div id="two-step-not-me" data-state="${twoStep.page}">
  <#if twoStep.page == "ASK">
    <p>${msg("twoStepNotMeAsk")}</p>
    <@ts.form id="two-step-not-me-form" target=twoStep.postUrl>
      <input type="hidden" name="t" value="${twoStep.link}"/>
      <@ts.input name="password" label=msg("password") type="password" autocomplete="current-password" autofocus=true/>
      <@ts.actions>
        <@ts.button id="not-me" label=msg("twoStepNotMeConfirm") action="not-me" danger=true/>
      </@ts.actions>
    </@ts.form>
  <#elseif twoStep.page == "DONE">
    <p id="not-me-done">${msg("twoStepNotMeDone")}</p>
    <p>${msg("twoStepNotMeMethodsStay")}</p>
    <p>${msg("twoStepNotMeNext")}</p>
  <#else>
    <p id="not-me-invalid">${msg("twoStepNotMeInvalid")}</p>
  </#if>
  </div>
</@ts.page>
