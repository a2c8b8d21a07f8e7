# A local stand-in for the postgres image, for machines that cannot pull it (docker/base-images/build.sh makes
# it): Debian's PostgreSQL server, initialised at the first start from POSTGRES_USER, POSTGRES_PASSWORD and
# POSTGRES_DB as the official image does, data in /var/lib/postgresql/data, pg_isready on the PATH.
ARG ROOTFS
FROM ${ROOTFS}
ARG PG_MAJOR
ENV LANG=C.UTF-8 \
    PGDATA=/var/lib/postgresql/data \
    PATH=/usr/lib/postgresql/${PG_MAJOR}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh \
 && mkdir -p "$PGDATA" /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
VOLUME /var/lib/postgresql/data
EXPOSE 5432
# PostgreSQL's "fast" shutdown: sessions end, data is written, nothing waits for clients to leave.
STOPSIGNAL SIGINT
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
