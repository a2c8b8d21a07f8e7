<#import "two-step.ftl" as ts>
<@ts.page header=msg("twoStepRecoveryUploadTitle") fields=["documents", "note"]>
  <p>${msg("twoStepRecoveryText1")}</p>
  <p>${msg("twoStepRecoveryUploadIntro", twoStep.maxDocuments, twoStep.maxMegabytes)}</p>
  <#if twoStep.kept><p id="recovery-kept" class="two-step-emphasis">${msg("twoStepRecoveryKept")}</p></#if>
  <#if twoStep.added?has_content>
    <p>${msg("twoStepRecoveryAdded")}</p>
    <ul id="recovery-added" class="two-step-summary">
      <#list twoStep.added as document>
        <li>${msg("twoStepRecoveryDocumentLine", document.position, document.type, document.kilobytes?c)}</li>
      </#list>
    </ul>
  </#if>
  <#-- Keycloak's login actions take no files: the documents go to our upload resource, which comes back here. -->
  <@ts.form id="two-step-recovery-upload" multipart=true target=twoStep.uploadUrl>
    <div class="${properties.kcFormGroupClass!}">
      <label for="documents" class="${properties.kcLabelClass!}">${msg("twoStepRecoveryDocuments")}</label>
      <input id="documents" name="documents" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
             data-max-bytes="${twoStep.maxBytes?c}" data-too-big="${msg("twoStepRecoveryTooBig", "{0}", twoStep.maxMegabytes)}"/>
      <#if messagesPerField.existsError('documents')>
        <span id="input-error-documents" class="${properties.kcInputErrorMessageClass!}">${kcSanitize(messagesPerField.get('documents'))?no_esc}</span>
      </#if>
      <span id="documents-check" class="${properties.kcInputErrorMessageClass!}" hidden></span>
    </div>
    <div class="${properties.kcFormGroupClass!}">
      <label for="note" class="${properties.kcLabelClass!}">${msg("twoStepRecoveryContact")}</label>
      <textarea id="note" name="note" rows="4" maxlength="2000" class="${properties.kcInputClass!}">${twoStep.note}</textarea>
      <#if messagesPerField.existsError('note')>
        <span id="input-error-note" class="${properties.kcInputErrorMessageClass!}">${kcSanitize(messagesPerField.get('note'))?no_esc}</span>
      </#if>
    </div>
    <@ts.actions>
      <@ts.button id="send" label=msg("twoStepRecoverySubmit") action="send"/>
    </@ts.actions>
  </@ts.form>
  <@ts.form id="two-step-recovery-leave">
    <@ts.actions>
      <@ts.button id="back" label=msg("twoStepBack") action="back" primary=false/>
    </@ts.actions>
  </@ts.form>
  <script>
    <#-- Spares a long upload that the server would refuse anyway; the server checks everything again. -->
    (function () {
      var input = document.getElementById("documents");
      var check = document.getElementById("documents-check");
      input.addEventListener("change", function () {
        var tooBig = [];
        for (var i = 0; i < input.files.length; i++) {
          if (input.files[i].size > Number(input.dataset.maxBytes)) { tooBig.push(i + 1); }
        }
        check.hidden = tooBig.length === 0;
        check.textContent = tooBig.map(function (n) { return input.dataset.tooBig.replace("{0}", n); }).join(" ");
        if (tooBig.length > 0) { input.value = ""; }
      });
    })();
  </script>
</@ts.page>
