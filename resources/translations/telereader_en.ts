<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n 条</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>关注命中 %n 条</source>
        <translation>
            <numerusform>%n watchlist hit</numerusform>
            <numerusform>%n watchlist hits</numerusform>
        </translation>
    </message>
    <message>
        <source>加红</source>
        <translation>Important</translation>
    </message>
    <message>
        <source>预告</source>
        <translation>Teaser</translation>
    </message>
    <message>
        <source>显示全部</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>笔记</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>在这里写笔记，输入即自动保存</source>
        <translation>Write a note here; it is saved as you type</translation>
    </message>
    <message>
        <source>在左侧选择一条电报</source>
        <translation>Select an item on the left</translation>
    </message>
    <message>
        <source>来源：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <source>正文很长：这里只显示前 %1 字，共 %2 字。</source>
        <translation>A long text: only its first %1 characters are shown, of %2.</translation>
    </message>
    <message>
        <source>（%1 电报）</source>
        <translation>(digest of %1)</translation>
    </message>
    <message>
        <source>普通</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>付费栏目预告：</source>
        <translation>Paid column teaser: </translation>
    </message>
    <message>
        <source>关注：</source>
        <translation>Watchlists: </translation>
    </message>
    <message>
        <source>★ 已加星标</source>
        <translation>★ Starred</translation>
    </message>
    <message>
        <source>☆ 加星标</source>
        <translation>☆ Star</translation>
    </message>
    <message>
        <source>加星标 / 取消星标（S）</source>
        <translation>Star / unstar (S)</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>未保存（%1），会自动重试；关闭窗口时也会保留</source>
        <translation>Not saved (%1); it will be retried, and kept when the window closes</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>有警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1 个文件：新增 %2 条，更新 %3 条；%4 个文件被拒绝，%5 个有警告。</source>
        <translation>%1 files: %2 items added, %3 updated; %4 files rejected, %5 with warnings.</translation>
    </message>
    <message>
        <source>导入已取消，其余文件未导入。</source>
        <translation>The import was cancelled; the remaining files were not imported.</translation>
    </message>
    <message>
        <source>导入报告</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>下一条</source>
        <translation>Next item</translation>
    </message>
    <message>
        <source>上一条</source>
        <translation>Previous item</translation>
    </message>
    <message>
        <source>加星标 / 取消星标</source>
        <translation>Star / unstar</translation>
    </message>
    <message>
        <source>自动导入文件夹…</source>
        <translation>Follow folders…</translation>
    </message>
    <message>
        <source>写笔记</source>
        <translation>Write a note</translation>
    </message>
    <message>
        <source>上一个 / 下一个有电报的日子</source>
        <translation>Previous / next day with items</translation>
    </message>
    <message>
        <source>跳到最新一天</source>
        <translation>Go to the newest day</translation>
    </message>
    <message>
        <source>放大 / 缩小 / 还原字号</source>
        <translation>Larger / smaller / default text</translation>
    </message>
    <message>
        <source>当天全部标为已读</source>
        <translation>Mark the whole day read</translation>
    </message>
    <message>
        <source>导入文件</source>
        <translation>Import files</translation>
    </message>
    <message>
        <source>导入文件夹</source>
        <translation>Import a folder</translation>
    </message>
    <message>
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>财联社电报</source>
        <translation>Cailian Press telegraphs</translation>
    </message>
    <message>
        <source>最新一天</source>
        <translation>Newest day</translation>
    </message>
    <message>
        <source>跳到最新的一天（Ctrl+End）</source>
        <translation>Go to the newest day (Ctrl+End)</translation>
    </message>
    <message>
        <source>新条目</source>
        <translation>New items</translation>
    </message>
    <message>
        <source>跳到上次看过之后新来的第一条（X）；日历上蓝点标出有新条目的日子</source>
        <translation>Jump to the first item that arrived since you last looked (X); a blue dot in the calendar marks days with new items</translation>
    </message>
    <message>
        <source>这是示例数据。把每天的电报文件（.md）或整个文件夹拖到窗口上即可导入，也可以用“文件 → 导入”。</source>
        <translation>This is sample data. Drop daily digest files (.md) or whole folders onto the window to import them, or use File → Import.</translation>
    </message>
    <message>
        <source>不再显示</source>
        <translation>Don&apos;t show again</translation>
    </message>
    <message>
        <source>全部日期</source>
        <translation>All days</translation>
    </message>
    <message>
        <source>当天</source>
        <translation>This day</translation>
    </message>
    <message>
        <source>最近 7 天</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>最近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>最近一年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>只搜笔记</source>
        <translation>Notes only</translation>
    </message>
    <message>
        <source>只搜笔记：只在自己的笔记中搜索；不按下时也搜笔记，在笔记中找到的条目排在最前，标 ✎</source>
        <translation>Notes only: search your own notes only; when not pressed, notes are searched too, and items found in their note come first, marked ✎</translation>
    </message>
    <message>
        <source>回到打开这一条之前的列表，位置不变（Esc、Alt+←）</source>
        <translation>Back to the list this item was opened from, where you were (Esc, Alt+←)</translation>
    </message>
    <message>
        <source>进入详情正文；在搜索结果中：打开所在日</source>
        <translation>Go to the item text; in search results: open the item on its day</translation>
    </message>
    <message>
        <source>搜索全部电报</source>
        <translation>Search all telegraphs</translation>
    </message>
    <message>
        <source>回到条目列表；搜索中：回到当天</source>
        <translation>Back to the item list; when searching: back to the day</translation>
    </message>
    <message>
        <source>关注命中：所有关注列表的命中，最新在前</source>
        <translation>Watch view: every watchlist hit, newest first</translation>
    </message>
    <message>
        <source>管理关注列表</source>
        <translation>Manage watchlists</translation>
    </message>
    <message>
        <source>关注命中</source>
        <translation>Watchlist hits</translation>
    </message>
    <message>
        <source>所有关注列表的命中，最新在前（Ctrl+Shift+H）</source>
        <translation>Every watchlist hit, newest first (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>搜索全部电报（/ 或 Ctrl+F）</source>
        <translation>Search all telegraphs (/ or Ctrl+F)</translation>
    </message>
    <message>
        <source>输入即搜索整个资料库：空格分隔的词都要出现，-词 排除，&quot;引号&quot; 内按原样匹配</source>
        <translation>Searches the whole library as you type: every space-separated term must occur, -term excludes, &quot;quotes&quot; match as written</translation>
    </message>
    <message>
        <source>只在一个关注列表的命中中搜索</source>
        <translation>Search only the items one watchlist lights up</translation>
    </message>
    <message>
        <source>按相关度</source>
        <translation>Best match</translation>
    </message>
    <message>
        <source>按相关度排序；不勾选时最新的在前</source>
        <translation>Best match first; otherwise newest first</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>公司</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>题材</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>输入名称筛选</source>
        <translation>Type to filter names</translation>
    </message>
    <message>
        <source>个股</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>添加名称…</source>
        <translation>Add a name…</translation>
    </message>
    <message>
        <source>添加识别漏掉的公司或题材</source>
        <translation>Add a company or theme the text was not read for</translation>
    </message>
    <message>
        <source>隐藏</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>隐藏所选名称（识别错了）</source>
        <translation>Hide the selected name (read wrongly)</translation>
    </message>
    <message>
        <source>别名…</source>
        <translation>Alias…</translation>
    </message>
    <message>
        <source>给所选名称加一个别名（合并计数）</source>
        <translation>Give the selected name an alias (counted as one)</translation>
    </message>
    <message>
        <source>%1 的异动：%2 次</source>
        <translation>Moves of %1: %2</translation>
    </message>
    <message>
        <source>%1 没有异动记录</source>
        <translation>%1 has no recorded moves</translation>
    </message>
    <message>
        <source>添加名称</source>
        <translation>Add a name</translation>
    </message>
    <message>
        <source>公司或题材的名称：</source>
        <translation>Name of the company or theme:</translation>
    </message>
    <message>
        <source>类别：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>别名</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>%1 的别名（如简称或代码）：</source>
        <translation>Alias of %1 (a short name or a ticker):</translation>
    </message>
    <message>
        <source>未读</source>
        <translation>Unread</translation>
    </message>
    <message>
        <source>星标</source>
        <translation>Starred</translation>
    </message>
    <message>
        <source>隐藏预告</source>
        <translation>Hide teasers</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>导入文件…</source>
        <translation>Import files…</translation>
    </message>
    <message>
        <source>导入文件夹…</source>
        <translation>Import a folder…</translation>
    </message>
    <message>
        <source>备份笔记和星标…</source>
        <translation>Back up notes and stars…</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>条目(&amp;I)</source>
        <translation>&amp;Item</translation>
    </message>
    <message>
        <source>关注(&amp;W)</source>
        <translation>&amp;Watch</translation>
    </message>
    <message>
        <source>管理关注列表…</source>
        <translation>Manage watchlists…</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>删除这一天…</source>
        <translation>Delete this day…</translation>
    </message>
    <message>
        <source>前一个有电报的日子</source>
        <translation>Previous day with items</translation>
    </message>
    <message>
        <source>后一个有电报的日子</source>
        <translation>Next day with items</translation>
    </message>
    <message>
        <source>所有星标</source>
        <translation>All starred</translation>
    </message>
    <message>
        <source>所有星标：所有加了星标的条目，最新在前</source>
        <translation>All starred: every starred item, newest first</translation>
    </message>
    <message>
        <source>所有笔记</source>
        <translation>All notes</translation>
    </message>
    <message>
        <source>所有笔记：所有写了笔记的条目和笔记，最新在前</source>
        <translation>All notes: every item with a note, and the note, newest first</translation>
    </message>
    <message>
        <source>保存当前搜索…</source>
        <translation>Save Current Search…</translation>
    </message>
    <message>
        <source>把当前搜索和筛选保存为一个保存的搜索</source>
        <translation>Save the current search and its filters as a saved search</translation>
    </message>
    <message>
        <source>到保存的搜索列表：回车打开，F2 重命名，Delete 删除，Alt+↑/↓ 调整顺序</source>
        <translation>To the saved searches: Enter opens, F2 renames, Delete deletes, Alt+↑/↓ reorders</translation>
    </message>
    <message>
        <source>公司与题材…</source>
        <translation>Companies and themes…</translation>
    </message>
    <message>
        <source>公司与题材：按条数列出，选一个看它跨日的所有条目和异动</source>
        <translation>Companies and themes: listed by count; choose one to see all its items across days and its moves</translation>
    </message>
    <message>
        <source>放大字号</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>缩小字号</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>还原字号</source>
        <translation>Default text size</translation>
    </message>
    <message>
        <source>时间线向下翻一页；已到底：下一条（当天最后一条：后一天）</source>
        <translation>Timeline a page down; at its end: the next item (after the day&apos;s last: the next day)</translation>
    </message>
    <message>
        <source>标为已读 / 未读</source>
        <translation>Mark read / unread</translation>
    </message>
    <message>
        <source>下一条未读（跨日）</source>
        <translation>Next unread (across days)</translation>
    </message>
    <message>
        <source>下一条新条目（跨日）</source>
        <translation>Next new item (across days)</translation>
    </message>
    <message>
        <source>下一条新条目：上次看这一天之后新来的（跨日）</source>
        <translation>Next new item: arrived since you last looked at its day (across days)</translation>
    </message>
    <message>
        <source>复制所选条目为文本</source>
        <translation>Copy selected items as text</translation>
    </message>
    <message>
        <source>返回列表</source>
        <translation>Back to the List</translation>
    </message>
    <message>
        <source>打开搜索结果、关注命中或星标中的一条后：回到那个列表，位置不变</source>
        <translation>After opening an item of search results, watchlist hits or all starred: back to that list, where you were</translation>
    </message>
    <message>
        <source>时间线向上翻一页</source>
        <translation>Timeline a page up</translation>
    </message>
    <message>
        <source>显示日历</source>
        <translation>Show calendar</translation>
    </message>
    <message>
        <source>显示 / 收起日历</source>
        <translation>Show / collapse the calendar</translation>
    </message>
    <message>
        <source>当天最新在前</source>
        <translation>Day: newest first</translation>
    </message>
    <message>
        <source>当天的时间线：最新在前 / 最早在前</source>
        <translation>The day&apos;s timeline: newest first / oldest first</translation>
    </message>
    <message>
        <source>当天异动个股…</source>
        <translation>The Day&apos;s Movers…</translation>
    </message>
    <message>
        <source>当天异动：按题材列出异动个股，单击打开电报</source>
        <translation>The day&apos;s movers: stocks by theme, a click opens the telegraph</translation>
    </message>
    <message>
        <source>展开 / 收起相似条目</source>
        <translation>Unfold / fold similar items</translation>
    </message>
    <message>
        <source>展开 / 收起同一消息的相似条目（也可单击“另有 N 条相似”）</source>
        <translation>Unfold / fold the near-duplicates of a story (or click “N more like it”)</translation>
    </message>
    <message>
        <source>折叠相似条目</source>
        <translation>Fold similar items</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于 telereader</source>
        <translation>About telereader</translation>
    </message>
    <message>
        <source>全部条目</source>
        <translation>All items</translation>
    </message>
    <message>
        <source>全部关注列表</source>
        <translation>All watchlists</translation>
    </message>
    <message>
        <source>关注命中：%1 条 · 最新在前 · 回车打开所在日</source>
        <translation>Watchlist hits: %1 · newest first · Enter opens the day</translation>
    </message>
    <message>
        <source>搜索：%1 条匹配 · %2 · %3 毫秒</source>
        <translation>Search: %1 matches · %2 · %3 ms</translation>
    </message>
    <message>
        <source>最新在前</source>
        <translation>newest first</translation>
    </message>
    <message>
        <source>%1 条 · 未读 %2 · 加红 %3 · 星标 %4</source>
        <translation>%1 items · unread %2 · important %3 · starred %4</translation>
    </message>
    <message>
        <source>（筛选后 %1 条，其中 %2 条相似已折叠）</source>
        <translation>(filtered: %1, of which %2 similar folded)</translation>
    </message>
    <message>
        <source>（筛选后显示 %1 条）</source>
        <translation>(showing %1 after filters)</translation>
    </message>
    <message>
        <source>（其中 %1 条相似已折叠）</source>
        <translation>(of which %1 similar folded)</translation>
    </message>
    <message>
        <source>先回到要删除的那一天，再删除它</source>
        <translation>Go back to the day you want to delete first</translation>
    </message>
    <message>
        <source>从资料库删除 %1 这一天的 %2 条电报？</source>
        <translation>Delete the day %1 and its %2 items from the library?</translation>
    </message>
    <message>
        <source>这些条目上的星标、笔记和已读标记会保留：再次导入这一天时，它们会回到条目上。</source>
        <translation>Your stars, notes and read marks on these items are kept: they come back with the items when this day is imported again.</translation>
    </message>
    <message>
        <source>删除这一天</source>
        <translation>Delete this day</translation>
    </message>
    <message>
        <source>无法删除这一天</source>
        <translation>Could not delete the day</translation>
    </message>
    <message>
        <source>笔记没有保存：</source>
        <translation>The note was not saved: </translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>星标没有改动：</source>
        <translation>The star was not changed: </translation>
    </message>
    <message>
        <source>已读标记没有保存：</source>
        <translation>The read mark was not saved: </translation>
    </message>
    <message>
        <source>无法记下看过的日子：</source>
        <translation>Could not record the day as looked at: </translation>
    </message>
    <message>
        <source>自动备份失败：</source>
        <translation>Automatic backup failed: </translation>
    </message>
    <message>
        <source>无法保留未保存的笔记：</source>
        <translation>Cannot keep the unsaved notes: </translation>
    </message>
    <message>
        <source>%1 条上次未能保存的笔记没有写回：这些条目的笔记后来在别处改过。它们仍保留在 %2</source>
        <translation>%1 notes that could not be saved last time were not written back: those items&apos; notes were changed elsewhere since. They are still kept in %2</translation>
    </message>
    <message>
        <source>正在写回上次未能保存的 %1 条笔记</source>
        <translation>Writing back %1 notes that could not be saved last time</translation>
    </message>
    <message>
        <source>未保存笔记的文件无法读取，已原样移到 %1</source>
        <translation>The file of unsaved notes could not be read; it was moved, unchanged, to %1</translation>
    </message>
    <message>
        <source>搜索失败：</source>
        <translation>Search failed: </translation>
    </message>
    <message>
        <source>导入电报文件</source>
        <translation>Import digest files</translation>
    </message>
    <message>
        <source>电报文件</source>
        <translation>Digest files</translation>
    </message>
    <message>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>上一批导入完成后继续导入新拖入的文件</source>
        <translation>The dropped files will import when the running import ends</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>查看这次导入的逐个文件报告</source>
        <translation>See this import&apos;s report, file by file</translation>
    </message>
    <message>
        <source>字号：Ctrl+= 放大，Ctrl+- 缩小，Ctrl+0 还原</source>
        <translation>Text size: Ctrl+= larger, Ctrl+- smaller, Ctrl+0 reset</translation>
    </message>
    <message numerus="yes">
        <source>已导入 %n 个文件：新增 %1 条，更新 %2 条</source>
        <translation>
            <numerusform>Imported %n file: %1 new items, %2 updated</numerusform>
            <numerusform>Imported %n files: %1 new items, %2 updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>已导入 %n 个文件：没有新条目</source>
        <translation>
            <numerusform>Imported %n file: nothing new</numerusform>
            <numerusform>Imported %n files: nothing new</numerusform>
        </translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>正在导入 %1/%2 个文件，%3 条</source>
        <translation>Importing %1/%2 files, %3 items</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>导入没有完成：</source>
        <translation>The import did not finish: </translation>
    </message>
    <message>
        <source>%1 %2 条</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>新的关注命中：</source>
        <translation>New watchlist hits: </translation>
    </message>
    <message>
        <source>资料库已损坏</source>
        <translation>The library is damaged</translation>
    </message>
    <message>
        <source>检查发现资料库文件已损坏，部分电报可能读不出来。你的星标、笔记和关注列表有自动备份。关闭后再次打开 telereader，可以把备份恢复到一个新资料库（原文件会保留）。</source>
        <translation>A check found the library file damaged; some items may not read. Your stars, notes and watchlists have automatic backups. Close telereader and open it again to restore the backup into a new library (the damaged file is kept).</translation>
    </message>
    <message>
        <source>所有星标条目</source>
        <translation>All starred items</translation>
    </message>
    <message>
        <source>当天（%1）的全部条目</source>
        <translation>Every item of the day (%1)</translation>
    </message>
    <message>
        <source>所有关注命中</source>
        <translation>All watchlist hits</translation>
    </message>
    <message>
        <source>当前列表（%1 条）</source>
        <translation>The list as shown (%1 items)</translation>
    </message>
    <message>
        <source>当前列表（%1 条，不含折叠的 %2 条相似）</source>
        <translation>The list shown (%1 items, without the %2 similar folded)</translation>
    </message>
    <message numerus="yes">
        <source>正在自动导入 %n 个文件夹</source>
        <translation>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>已停止自动导入</source>
        <translation>Stopped following folders</translation>
    </message>
    <message>
        <source>备份笔记和星标</source>
        <translation>Back up notes and stars</translation>
    </message>
    <message>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>恢复失败</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>作用</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>财联社电报离线阅读器</source>
        <translation>An offline reader for the Cailian Press telegraph digests</translation>
    </message>
    <message>
        <source>资料库：</source>
        <translation>Library: </translation>
    </message>
    <message>
        <source>Markdown（可再导入，适合 Obsidian / Typora）</source>
        <translation>Markdown (imports back; reads well in Obsidian / Typora)</translation>
    </message>
    <message>
        <source>CSV（Excel、WPS 表格）</source>
        <translation>CSV (Excel, WPS Spreadsheets)</translation>
    </message>
    <message>
        <source>HTML（单个文件，可打印）</source>
        <translation>HTML (one printable file)</translation>
    </message>
    <message>
        <source>关注列表“%1”的命中</source>
        <translation>Hits of watchlist “%1”</translation>
    </message>
    <message>
        <source>文件已存在</source>
        <translation>File exists</translation>
    </message>
    <message>
        <source>“%1”已存在。要替换它吗？</source>
        <translation>“%1” already exists. Replace it?</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出内容：</source>
        <translation>Export:</translation>
    </message>
    <message>
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>导出到文件</source>
        <translation>Export to file</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出 %1 条到 %2</source>
        <translation>Exported %1 items to %2</translation>
    </message>
    <message>
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>每行一个关键词。标题或正文包含它即命中，英文不分大小写。
宁德时代|CATL：同义词，任一出现即可
黄金 -黄金周：排除，黄金周里的黄金不算
=AI：整词匹配英文，AIDC 不算
美联储 降息：同一行的几个词都要出现
@宁德时代：提到这家公司（或这个题材）的条目，按识别出的个股与题材匹配
/宁德(时代|汽车)/：正则表达式（Python 写法，英文不分大小写）</source>
        <translation>One keyword per line. An item matches when its title or body contains it; Latin letters ignore case.
宁德时代|CATL: synonyms, any one will do
黄金 -黄金周: exclusion, 黄金 inside 黄金周 does not count
=AI: whole Latin word only, AIDC does not count
美联储 降息: every word on the line must occur
@宁德时代: items naming this company (or theme), as the stocks and themes found in the text
/宁德(时代|汽车)/: a regular expression (Python syntax, Latin letters ignoring case)</translation>
    </message>
    <message>
        <source>关注列表</source>
        <translation>Watchlists</translation>
    </message>
    <message>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>新建关注列表（Ctrl+N）</source>
        <translation>New watchlist (Ctrl+N)</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>重命名（F2）</source>
        <translation>Rename (F2)</translation>
    </message>
    <message>
        <source>颜色…</source>
        <translation>Colour…</translation>
    </message>
    <message>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>删除关注列表（Delete）</source>
        <translation>Delete watchlist (Delete)</translation>
    </message>
    <message>
        <source>关键词（每行一个）</source>
        <translation>Keywords (one per line)</translation>
    </message>
    <message numerus="yes">
        <source>%n 条命中</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message>
        <source>还没有关注列表。点“新建…”建一个，再写下关键词。</source>
        <translation>No watchlists yet. Click “New…” to make one, then write its keywords.</translation>
    </message>
    <message>
        <source>已应用到整个资料库</source>
        <translation>Applied to the whole library</translation>
    </message>
    <message>
        <source>正在应用到整个资料库…</source>
        <translation>Applying to the whole library…</translation>
    </message>
    <message numerus="yes">
        <source>已应用到整个资料库：命中 %n 条</source>
        <translation>
            <numerusform>Applied to the whole library: %n hit</numerusform>
            <numerusform>Applied to the whole library: %n hits</numerusform>
        </translation>
    </message>
    <message>
        <source>没有保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <source>新建关注列表</source>
        <translation>New watchlist</translation>
    </message>
    <message>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>重命名关注列表</source>
        <translation>Rename watchlist</translation>
    </message>
    <message>
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>关注列表的颜色</source>
        <translation>Watchlist colour</translation>
    </message>
    <message>
        <source>删除关注列表</source>
        <translation>Delete watchlist</translation>
    </message>
    <message>
        <source>删除关注列表“%1”？它的关键词和 %2 条命中标记都会删除；电报、星标和笔记不受影响。</source>
        <translation>Delete watchlist “%1”? Its keywords and the marks on its %2 hits go; items, stars and notes stay.</translation>
    </message>
    <message>
        <source>这一行没有要找的词，不会生效：</source>
        <translation>This line has nothing to look for and is ignored: </translation>
    </message>
    <message>
        <source>输入停顿后应用…</source>
        <translation>Applies when you pause typing…</translation>
    </message>
    <message>
        <source>资料库无法使用</source>
        <translation>The library cannot be used</translation>
    </message>
    <message>
        <source>无论选哪一项，原文件都不会删除：它会改名后留在资料库文件夹里。</source>
        <translation>Whichever you choose, the file is not deleted: it is renamed and stays in the library&apos;s folder.</translation>
    </message>
    <message>
        <source>没有找到自动备份。</source>
        <translation>No automatic backup was found.</translation>
    </message>
    <message>
        <source>从自动备份恢复（%1）</source>
        <translation>Restore the automatic backup (%1)</translation>
    </message>
    <message>
        <source>新建空资料库</source>
        <translation>Start a new library</translation>
    </message>
    <message>
        <source>退出，不做改动</source>
        <translation>Quit and change nothing</translation>
    </message>
    <message>
        <source>没有完成：</source>
        <translation>Not done: </translation>
    </message>
    <message>
        <source>原资料库已改名保留：%1</source>
        <translation>The old library was kept as: %1</translation>
    </message>
    <message>
        <source>已从自动备份恢复：星标 %1，笔记 %2，关注列表 %3。</source>
        <translation>Restored from the automatic backup: %1 stars, %2 notes, %3 watchlists.</translation>
    </message>
    <message>
        <source>请重新导入电报文件；星标和笔记会在对应日期导入后自动对上。</source>
        <translation>Import your digest files again; stars and notes attach as their days arrive.</translation>
    </message>
    <message>
        <source>新资料库</source>
        <translation>New library</translation>
    </message>
    <message>
        <source>筛选后没有条目：清除筛选（筛选按钮）即可看到全部</source>
        <translation>Nothing passes the filters: clear the filters (the filter buttons) to see everything</translation>
    </message>
    <message>
        <source>没有找到匹配的条目：检查拼写，或扩大日期范围</source>
        <translation>No matching items: check the spelling, or widen the date scope</translation>
    </message>
    <message>
        <source>还没有关注列表：在 关注 → 管理关注列表…（Ctrl+Shift+L）中建一个</source>
        <translation>No watchlists yet: make one in Watch → Manage watchlists… (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>关注列表还没有命中：在 管理关注列表…（Ctrl+Shift+L）中添加关键词</source>
        <translation>No watchlist hits yet: add keywords in Manage watchlists… (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>还没有电报：导入文件（Ctrl+O），或把文件拖到窗口里</source>
        <translation>No telegraphs yet: import files (Ctrl+O), or drop files on the window</translation>
    </message>
    <message>
        <source>这一天没有条目：选日历上另一天</source>
        <translation>No items on this day: pick another day in the calendar</translation>
    </message>
    <message>
        <source>所有加了星标的条目，最新在前（Ctrl+Shift+S）</source>
        <translation>Every starred item, newest first (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>所有星标：%1 条 · 最新在前 · 回车打开所在日</source>
        <translation>All starred: %1 items · newest first · Enter opens the item on its day</translation>
    </message>
    <message>
        <source>还没有星标：选中条目后按 S 给它加星标</source>
        <translation>No starred items yet: select an item and press S to star it</translation>
    </message>
    <message>
        <source>所有写了笔记的条目，最新在前（Ctrl+Shift+N）</source>
        <translation>Every item with a note, newest first (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>所有笔记：%1 条 · 最新在前 · 回车打开所在日</source>
        <translation>All notes: %1 items · newest first · Enter opens the item on its day</translation>
    </message>
    <message>
        <source>还没有笔记：选中条目后按 N 写笔记</source>
        <translation>No notes yet: select an item and press N to write one</translation>
    </message>
    <message>
        <source>公司与题材</source>
        <translation>Companies and themes</translation>
    </message>
    <message>
        <source>公司和题材及其条数：选一个看它跨日的所有条目和异动（Ctrl+Shift+C）</source>
        <translation>Companies and themes with their counts: choose one to see all its items across days and its moves (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>提到它的条目：%1 条 · 最新在前 · 回车打开所在日</source>
        <translation>Items naming it: %1 · newest first · Enter opens its day</translation>
    </message>
    <message>
        <source>没有条目提到它（个股与题材可能还在提取中）</source>
        <translation>No item names it (stocks and themes may still be being extracted)</translation>
    </message>
    <message>
        <source>没有更多未读条目了</source>
        <translation>Nothing unread left</translation>
    </message>
    <message>
        <source>已复制 %1 条</source>
        <translation>Copied %1 items</translation>
    </message>
    <message>
        <source>搜索结果</source>
        <translation>search results</translation>
    </message>
    <message>
        <source>← 返回%1</source>
        <translation>← Back to %1</translation>
    </message>
    <message>
        <source>%1 · [ 前一天 / ] 后一天</source>
        <translation>%1 · [ previous day / ] next day</translation>
    </message>
    <message>
        <source>这条没有相似条目</source>
        <translation>This item has no similar items</translation>
    </message>
    <message>
        <source>常一起出现：</source>
        <translation>Often with these:</translation>
    </message>
    <message>
        <source>在这个列表的命中里远比别处常见的词；点击加为关键词</source>
        <translation>Words far more common in this list’s hits than elsewhere; click one to add it as a keyword</translation>
    </message>
    <message>
        <source>热词</source>
        <translation>Hot</translation>
    </message>
    <message>
        <source>升温</source>
        <translation>Rising</translation>
    </message>
    <message>
        <source>这一天相对整个资料库最突出的词；点击即搜索</source>
        <translation>The words that stand out on this day against the whole library; click one to search</translation>
    </message>
    <message>
        <source>最近七天远比之前常见的词（对数似然比）；“新”为之前从未出现</source>
        <translation>Words far more common in the last seven days than before (log-likelihood); “new”: never seen before</translation>
    </message>
    <message>
        <source>%1 条</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <source>新</source>
        <translation>new</translation>
    </message>
    <message>
        <source>共 %1 条，最多 %2 条</source>
        <translation>%1 items, at most %2 a bar</translation>
    </message>
    <message>
        <source>%1：%2 条</source>
        <translation>%1: %2 items</translation>
    </message>
    <message>
        <source>正在统计词语：%1/%2 天</source>
        <translation>Counting words: %1 of %2 days</translation>
    </message>
    <message>
        <source>词语统计没有完成，下次启动时继续</source>
        <translation>Word counting did not finish; it goes on at the next start</translation>
    </message>
    <message>
        <source>次日</source>
        <translation>next day</translation>
    </message>
    <message>
        <source>自动导入文件夹</source>
        <translation>Follow folders</translation>
    </message>
    <message>
        <source>这些文件夹里新出现或有变化的电报文件会自动导入（文件写完后几秒内）。</source>
        <translation>New and changed digest files in these folders are imported by themselves, a few seconds after they are written.</translation>
    </message>
    <message>
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>添加自动导入的文件夹</source>
        <translation>Add a folder to follow</translation>
    </message>
    <message>
        <source>当天异动</source>
        <translation>The day&apos;s movers</translation>
    </message>
    <message>
        <source>题材 / 个股</source>
        <translation>Theme / stock</translation>
    </message>
    <message>
        <source>异动</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>所选名称的全部条目</source>
        <translation>All items of the selected name</translation>
    </message>
    <message>
        <source>跨日列出提到所选题材或个股的所有条目</source>
        <translation>List every item across days that names the selected theme or stock</translation>
    </message>
    <message>
        <source>%1：%2 只个股异动，%3 个题材</source>
        <translation>%1: %2 stocks moved, in %3 themes</translation>
    </message>
    <message>
        <source>%1 没有找到异动个股</source>
        <translation>%1: no stocks found moving</translation>
    </message>
    <message>
        <source>其他个股</source>
        <translation>Other stocks</translation>
    </message>
    <message>
        <source>单击打开这条电报</source>
        <translation>Click to open this telegraph</translation>
    </message>
    <message>
        <source>措辞相近</source>
        <translation>close wording</translation>
    </message>
    <message>
        <source>相关</source>
        <translation>Related</translation>
    </message>
    <message>
        <source>前后进展</source>
        <translation>The story over days</translation>
    </message>
    <message>
        <source>提到：%1</source>
        <translation>Names: %1</translation>
    </message>
    <message>
        <source>相关（%1）</source>
        <translation>Related (%1)</translation>
    </message>
    <message>
        <source>共同：%1</source>
        <translation>Shared: %1</translation>
    </message>
    <message>
        <source>正在提取个股与题材：%1/%2 天</source>
        <translation>Extracting stocks and themes: %1/%2 days</translation>
    </message>
    <message>
        <source>个股与题材提取没有完成，下次启动时继续</source>
        <translation>Stocks and themes were not all extracted; the next start goes on</translation>
    </message>
    <message>
        <source>正在读取 %1 的异动…</source>
        <translation>Reading the movers of %1…</translation>
    </message>
    <message>
        <source>只匹配标题</source>
        <translation>Titles only</translation>
    </message>
    <message>
        <source>只匹配加红</source>
        <translation>加红 items only</translation>
    </message>
    <message>
        <source>新命中时提醒</source>
        <translation>Alert on new hits</translation>
    </message>
    <message>
        <source>关闭后，导入带来的新命中照样标记、出现在关注视图，但不再弹出提醒</source>
        <translation>When off, new hits an import brings are still marked and shown in the Watch view, but raise no alert</translation>
    </message>
    <message>
        <source>这一行目前没有命中</source>
        <translation>This line lights up nothing yet</translation>
    </message>
    <message numerus="yes">
        <source>这一行命中 %n 条</source>
        <translation>
            <numerusform>This line lights up %n item</numerusform>
            <numerusform>This line lights up %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>，最新：</source>
        <translation>; newest: </translation>
    </message>
    <message>
        <source>保存的搜索</source>
        <translation>Saved searches</translation>
    </message>
    <message>
        <source>单击或回车打开；F2 重命名，Delete 删除，Alt+↑/↓ 或拖动调整顺序；右键导出或看趋势</source>
        <translation>Click or Enter to open; F2 renames, Delete deletes, Alt+↑/↓ or a drag reorders; right-click to export or see the trend</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move Down</translation>
    </message>
    <message>
        <source>趋势</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>先在搜索框输入要保存的搜索</source>
        <translation>Type the search to save in the search box first</translation>
    </message>
    <message>
        <source>保存搜索</source>
        <translation>Save Search</translation>
    </message>
    <message>
        <source>已保存搜索「%1」</source>
        <translation>Saved the search “%1”</translation>
    </message>
    <message>
        <source>无法保存搜索</source>
        <translation>Could not save the search</translation>
    </message>
    <message>
        <source>（日期 %1 至 %2）</source>
        <translation>(dates %1 to %2)</translation>
    </message>
    <message>
        <source>重命名保存的搜索</source>
        <translation>Rename Saved Search</translation>
    </message>
    <message>
        <source>无法重命名</source>
        <translation>Could not rename</translation>
    </message>
    <message>
        <source>无法调整顺序</source>
        <translation>Could not reorder</translation>
    </message>
    <message>
        <source>删除保存的搜索</source>
        <translation>Delete Saved Search</translation>
    </message>
    <message>
        <source>删除保存的搜索「%1」？条目本身不受影响。</source>
        <translation>Delete the saved search “%1”? The items themselves stay.</translation>
    </message>
    <message>
        <source>无法删除</source>
        <translation>Could not delete</translation>
    </message>
    <message>
        <source>还没有保存的搜索：搜索后按 Ctrl+Shift+D 保存</source>
        <translation>No saved searches yet: search, then press Ctrl+Shift+D to save</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>条数</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>名称没有改成：</source>
        <translation>The name was not changed: </translation>
    </message>
    <message>
        <source>没有新条目了</source>
        <translation>No more new items</translation>
    </message>
    <message>
        <source>▾ 另有 %1 条相似（已展开，= 收起）</source>
        <translation>▾ %1 more like it (unfolded, = folds)</translation>
    </message>
    <message>
        <source>▸ 另有 %1 条相似</source>
        <translation>▸ %1 more like it</translation>
    </message>
    <message>
        <source>%1 条未读</source>
        <translation>%1 unread</translation>
    </message>
</context>
</TS>
