namespace Shop.Bench.Tools;

/// <summary>The nginx.conf of a production-style reverse proxy in front of one upstream, self-contained in one directory.</summary>
internal static class NginxConfig
{
    public static string Render(string directory, Uri upstream, int port)
    {
        if (upstream.Scheme != Uri.UriSchemeHttp && upstream.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"nginx can only proxy to http or https, not {upstream}.", nameof(upstream));
        }

        // "localhost" would make nginx resolve it to both 127.0.0.1 and ::1 and round-robin over them.
        var upstreamHost = upstream.IsLoopback && upstream.Host == "localhost" ? "127.0.0.1" : upstream.Host;

        // Without it, a root master runs its workers as nobody, who cannot write the temp directories root created.
        var user = Environment.UserName == "root" ? "user root;" : "";

        return $$"""
            {{user}}
            worker_processes auto;
            worker_rlimit_nofile 16384;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;

            events {
                worker_connections 4096;
            }

            http {
                access_log off;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;

                upstream backend {
                    server {{upstreamHost}}:{{upstream.Port}};
                    keepalive 64;
                }

                server {
                    listen 127.0.0.1:{{port}};

                    location / {
                        proxy_pass {{upstream.Scheme}}://backend;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    }
                }
            }
            """;
    }
}
