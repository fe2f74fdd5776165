import type { ComponentChildren } from 'preact';

export type SiteInfo = {
  code: string;
  name: string;
  siteName: string;
  domain: string;
  hostUnit: string;
  icpNo: string;
  psbNo: string;
  siteIdCode: string;
  logoText: string;
  address: string;
  phone: string;
  basePath: string;
};

/** A nav entry: a column page, or a feature page (`path`, e.g. /trading for the trading column). */
export type NavColumn = { slug: string; name: string; path?: string };

/** The meta tags of the 政府网站发展指引 / 网页设计规范, read by the national monitors. */
export type PageMeta = {
  title: string;
  columnName?: string;
  columnType?: string;
  columnDescription?: string;
  articleTitle?: string;
  pubDate?: string;
  contentSource?: string;
  keywords?: string;
  author?: string;
  description?: string;
  url: string;
};

export function PortalLayout(props: { site: SiteInfo; nav: NavColumn[]; meta: PageMeta; isElder: boolean; currentSlug?: string; searchQuery?: string; children: ComponentChildren }) {
  const { site, meta } = props;
  const m = (name: string, content: string | undefined) => (content ? <meta name={name} content={content} /> : null);
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${meta.title} - ${site.siteName}`}</title>
        {m('SiteName', site.siteName)}
        {m('SiteDomain', site.domain)}
        {m('SiteIDCode', site.siteIdCode)}
        {m('ColumnName', meta.columnName)}
        {m('ColumnDescription', meta.columnDescription)}
        {m('ColumnType', meta.columnType)}
        {m('ArticleTitle', meta.articleTitle)}
        {m('PubDate', meta.pubDate)}
        {m('ContentSource', meta.contentSource)}
        {m('Keywords', meta.keywords)}
        {m('Author', meta.author)}
        {m('Description', meta.description)}
        {m('Url', meta.url)}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/static/site.css" />
        {props.currentSlug ? <link rel="alternate" type="application/atom+xml" title={`${meta.columnName ?? ''} 订阅`} href={`${site.basePath}/feeds/${props.currentSlug}.atom`} /> : null}
      </head>
      <body class={props.isElder ? 'elder' : undefined}>
        <a class="skip" href="#main">跳到主要内容</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="site-title" href={`${site.basePath}/`}>
              <span class="logo" aria-hidden="true">{site.logoText || site.name.slice(0, 2)}</span>
              <span>{site.siteName}</span>
            </a>
            <div class="header-tools">
              <form class="search-form" role="search" action={`${site.basePath}/search`} method="get">
                <label for="site-q" class="sr-only">站内搜索</label>
                <input id="site-q" type="search" name="q" value={props.searchQuery ?? ''} placeholder="搜索本站信息" maxLength={100} />
                <button type="submit">搜索</button>
              </form>
              <a class="mode-toggle" href={`/prefs/elder?on=${props.isElder ? '0' : '1'}&back=${encodeURIComponent(meta.url)}`}>
                {props.isElder ? '退出长者模式' : '长者模式'}
              </a>
            </div>
          </div>
          <nav class="site-nav" aria-label="栏目导航">
            <ul class="wrap">
              <li>
                <a href={`${site.basePath}/`} aria-current={props.currentSlug === undefined && meta.columnName === undefined ? 'page' : undefined}>
                  首页
                </a>
              </li>
              {props.nav.map((c) => (
                <li key={c.slug}>
                  <a href={`${site.basePath}${c.path ?? `/col/${c.slug}`}`} aria-current={props.currentSlug === c.slug ? 'page' : undefined}>
                    {c.name}
                  </a>
                </li>
              ))}
              <li>
                <a href={`${site.basePath}/catalog`}>信息公开目录</a>
              </li>
              <li>
                <a href={`${site.basePath}/disclosure/apply`}>依申请公开</a>
              </li>
              <li>
                <a href={`${site.basePath}/interaction`}>互动交流</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              <a href={`${site.basePath}/guide`}>政府信息公开指南</a> · <a href={`${site.basePath}/catalog`}>政府信息公开目录</a> · <a href={`${site.basePath}/report-error?url=${encodeURIComponent(meta.url)}`}>网站找错</a> · <a href="/sitemap.xml">网站地图</a> · <a href="/transparency">发布记录校验</a>
            </p>
            <p>主办单位：{site.hostUnit}　地址：{site.address}　电话：{site.phone}</p>
            <p>
              {site.icpNo ? <span>{site.icpNo}　</span> : null}
              {site.psbNo ? <span>{site.psbNo}　</span> : null}
              {site.siteIdCode ? <span>网站标识码：{site.siteIdCode}</span> : null}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function Pagination(props: { page: number; pageCount: number; href: (page: number) => string }) {
  if (props.pageCount <= 1) return null;
  const pages: number[] = [];
  for (let p = Math.max(1, props.page - 3); p <= Math.min(props.pageCount, props.page + 3); p++) pages.push(p);
  return (
    <nav class="pagination" aria-label="分页">
      {props.page > 1 ? <a href={props.href(props.page - 1)} rel="prev">上一页</a> : null}
      {pages.map((p) =>
        p === props.page ? (
          <span key={p} aria-current="page" class="current">
            {p}
          </span>
        ) : (
          <a key={p} href={props.href(p)}>
            {p}
          </a>
        ),
      )}
      {props.page < props.pageCount ? <a href={props.href(props.page + 1)} rel="next">下一页</a> : null}
      <span class="page-info">
        第 {props.page} / {props.pageCount} 页
      </span>
    </nav>
  );
}
