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
    <#assign documentsError = messagesPerField.get('documents')>
    <#assign noteError = messagesPerField.get('note')>
    <div class="${properties.kcFormGroupClass!}">
      <label for="documents" class="${properties.kcLabelClass!}">${msg("twoStepRecoveryDocuments")}</label>
      <input id="documents" name="documents" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
             aria-describedby="documents-check<#if documentsError?has_content> input-error-documents</#if>" aria-invalid="${documentsError?has_content?c}"
             data-max-bytes="${twoStep.maxBytes?c}" data-too-big="${msg("twoStepRecoveryTooBig", "{0}", twoStep.maxMegabytes)}"/>
      <#-- The files' own names, for the server's messages about them (its multipart reader keeps none). -->
      <input id="document-names" name="documentNames" type="hidden" value=""/>
      <@ts.errorAt name="documents" error=documentsError/>
      <div class="${properties.kcFormHelperTextClass!}" aria-live="polite"><div class="${properties.kcInputHelperTextClass!}">
        <div class="${properties.kcInputHelperTextItemClass!} ${properties.kcError!}">
          <span id="documents-check" class="${properties.kcInputErrorMessageClass!}" hidden></span>
        </div>
      </div></div>
    </div>
    <div class="${properties.kcFormGroupClass!}">
      <label for="note" class="${properties.kcLabelClass!}">${msg("twoStepRecoveryContact")}</label>
      <span class="${properties.kcInputClass!} <#if noteError?has_content>${properties.kcError!}</#if>">
        <textarea id="note" name="note" rows="4" maxlength="2000" aria-invalid="${noteError?has_content?c}"
                  <#if noteError?has_content>aria-describedby="input-error-note"</#if>>${twoStep.note}</textarea>
      </span>
      <@ts.errorAt name="note" error=noteError/>
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
      var names = document.getElementById("document-names");
      input.addEventListener("change", function () {
        var tooBig = [];
        for (var i = 0; i < input.files.length; i++) {
          if (input.files[i].size > Number(input.dataset.maxBytes)) { tooBig.push(input.files[i].name); }
        }
        names.value = Array.prototype.map.call(input.files, function (f) { return f.name; }).join("/");
        check.hidden = tooBig.length === 0;
        check.textContent = tooBig.map(function (n) { return input.dataset.tooBig.replace("{0}", n); }).join(" ");
        if (tooBig.length > 0) { input.value = ""; }
      });
    })();
  </script>
</@ts.page>
