# A local stand-in for quay.io/keycloak/keycloak, for machines that cannot pull it (docker/base-images/build.sh
# makes it). Laid out as Keycloak's own image is: the distribution in /opt/keycloak owned by uid 1000 and
# group 0 (group-writable, so a random uid in group 0 works too), kc.sh as the entry point, the same ports.
# The JRE is Debian's; the root file system comes from mmdebstrap, not from any registry.
ARG ROOTFS
FROM ${ROOTFS}
ENV LANG=C.UTF-8
# As in Keycloak's image: tells Keycloak it runs in a container, so start-dev listens on every interface
# (outside a container it keeps to localhost), which testcontainers-keycloak relies on.
ENV KC_RUN_IN_CONTAINER=true
COPY --chown=1000:0 keycloak /opt/keycloak
RUN echo "keycloak:x:1000:0:keycloak user:/opt/keycloak:/usr/sbin/nologin" >> /etc/passwd
USER 1000
EXPOSE 8080 8443 9000
ENTRYPOINT ["/opt/keycloak/bin/kc.sh"]
