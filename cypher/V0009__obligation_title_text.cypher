// 关联其他项目的事项: the workbench searches obligations by a part of their title (CONTAINS), across projects
CREATE TEXT INDEX obligation_title_text IF NOT EXISTS FOR (o:Obligation) ON (o.title);
