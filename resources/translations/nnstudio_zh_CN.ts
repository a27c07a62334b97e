<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../nnstudio/gui/actions.py" line="+69"/>
        <source>&amp;New…</source>
        <extracomment>format -&gt; (menu label, file filter, suffix) of the model exports</extracomment>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Weights…</source>
        <translation>导入权重(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plots as &amp;PNG…</source>
        <translation>曲线图导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plots as S&amp;VG…</source>
        <translation>曲线图导出为 SVG(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Curves as &amp;CSV…</source>
        <translation>曲线数据导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Canvas as PNG…</source>
        <translation>画布导出为 PNG(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Canvas as &amp;SVG…</source>
        <translation>画布导出为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to View</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Auto-Arrange</source>
        <translation>自动排列(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+161"/>
        <location filename="../../nnstudio/gui/main_window.py" line="+313"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Train one epoch (F10)</source>
        <translation>训练一个轮次 (F10)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop training (Shift+Space)</source>
        <translation>停止训练 (Shift+Space)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forget the trained weights (Ctrl+R)</source>
        <translation>丢弃已训练的权重 (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About NN Studio</source>
        <translation>关于 NN Studio(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Documentation</source>
        <translation>使用手册(&amp;D)</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xamples</source>
        <translation>示例(&amp;X)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../nnstudio/gui/main_window.py" line="-177"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/insight_docks.py" line="+47"/>
        <source>Layer statistics</source>
        <translation>各层统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore &amp;Best Weights</source>
        <translation>恢复最佳权重(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/main_window.py" line="-14"/>
        <source>Layers</source>
        <extracomment>The status bar shows training progress at most this often (ms).</extracomment>
        <translation>层</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Inspector</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decision surface</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plots</source>
        <translation>曲线图</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Cannot train: {0}</source>
        <translation>无法训练：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (and {0} more problem(s))</source>
        <translation>（另有 {0} 个问题）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/recovery.py" line="+58"/>
        <source>Recovery</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/table_views.py" line="+72"/>
        <source>Feature pair</source>
        <translation>特征对</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/image_views.py" line="+127"/>
        <source>Which test sample&apos;s feature maps to show</source>
        <translation>显示哪个测试样本的特征图</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Misclassified first (red)</source>
        <translation>分错的排在前面（红色）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test samples</source>
        <translation>测试样本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filters</source>
        <translation>滤波器数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>The network has no convolution.</source>
        <translation>该网络没有卷积层。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0}: {1} filters of {2}x{3}, {4} input channel(s)</source>
        <translation>{0}：{1} 个 {2}x{3} 的滤波器，{4} 个输入通道</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <location filename="../../nnstudio/gui/canvas_view.py" line="+421"/>
        <source>Select one layer to add a hidden layer after it.</source>
        <translation>请选中一个层，以便在其后添加隐藏层。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add layer after</source>
        <translation>在其后添加层</translation>
    </message>
</context>
<context>
    <name>ColorLegend</name>
    <message>
        <location filename="../../nnstudio/gui/surface_legend.py" line="+63"/>
        <source>predicted class</source>
        <extracomment>Bands of a discretized regression surface.</extracomment>
        <translation>预测类别</translation>
    </message>
</context>
<context>
    <name>CompoundEdits</name>
    <message>
        <location filename="../../nnstudio/gui/document_edits.py" line="+55"/>
        <source>Add layer after {0}</source>
        <translation>在 {0} 之后添加层</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Insert {0}</source>
        <translation>插入 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Insert layer</source>
        <translation>插入层</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Set {0}{1} to {2:.4g}</source>
        <translation>把 {0}{1} 设为 {2:.4g}</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Paste {0} node</source>
        <translation>粘贴 {0} 个节点</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paste {0} nodes</source>
        <translation>粘贴 {0} 个节点</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Duplicate {0}</source>
        <translation>创建 {0} 的副本</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Fit the output to the data</source>
        <translation>使输出适配数据</translation>
    </message>
</context>
<context>
    <name>CsvWizard</name>
    <message>
        <location filename="../../nnstudio/gui/csv_wizard.py" line="+34"/>
        <location line="+6"/>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Comma ( , )</source>
        <translation>逗号 ( , )</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semicolon ( ; )</source>
        <translation>分号 ( ; )</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open a CSV table</source>
        <translation>打开 CSV 表格</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First row holds names</source>
        <translation>第一行是列名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target column</source>
        <translation>目标列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop rows with a missing value</source>
        <translation>删除含缺失值的行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill: numbers with the training mean, text with &apos;missing&apos;</source>
        <translation>填充：数值用训练集均值，文本用 &apos;missing&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing values</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The first row sets each column&apos;s type: numeric, categorical (text; one input per category, or classes for the target) or ignore.</source>
        <translation>第一行设置每列的类型：数值、类别（文本；每个类别一个输入，目标列则作为类别）或忽略。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>missing value</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{name} (target)</source>
        <translation>{name}（目标）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{n} classes ({names})</source>
        <translation>{n} 个类别（{names}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regression (a number)</source>
        <translation>回归（一个数值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rows} rows ({dropped} dropped) -&gt; {inputs} inputs; target &apos;{target}&apos;: {task}</source>
        <translation>{rows} 行（删除 {dropped} 行）-&gt; {inputs} 个输入；目标 &apos;{target}&apos;：{task}</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../nnstudio/gui/data_panel.py" line="+78"/>
        <source>CSV file…</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folder…</source>
        <translation>图像文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open CSV…</source>
        <translation>打开 CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a table: preview it, choose the target and the column types</source>
        <translation>打开表格：预览内容，选择目标列和各列类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Columns…</source>
        <translation>列设置…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen the CSV wizard: target, column types, missing values</source>
        <translation>重新打开 CSV 向导：目标列、列类型、缺失值</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Target column</source>
        <translation>目标列</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Points</source>
        <translation>样本点数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> % train</source>
        <translation> % 训练</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Standardize inputs</source>
        <translation>输入标准化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a new sample (new seed)</source>
        <translation>重新抽样（新的随机种子）</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>no file</source>
        <translation>无文件</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Choose a folder with one subfolder of images per class</source>
        <translation>选择一个文件夹：每个类别一个图像子文件夹</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Load a CSV file</source>
        <translation>加载 CSV 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot read {path}: {why}</source>
        <translation>无法读取 {path}：{why}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0}: the data cannot change now.</source>
        <translation>{0}：现在不能修改数据。</translation>
    </message>
</context>
<context>
    <name>DecisionSurface</name>
    <message>
        <location filename="../../nnstudio/gui/surface.py" line="+122"/>
        <source>Train points</source>
        <extracomment>Playground-like colours: class 0 orange, class 1 blue, neutral in the middle. One colour per class for multi-class problems (RGB). How far the surface&apos;s colours go from NEUTRAL towards the full class colours (0..1). Regression points are coloured with this many shades (shared brushes draw fast).</extracomment>
        <translation>训练点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the training points</source>
        <translation>显示训练集的点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test points</source>
        <translation>测试点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the test points (triangles)</source>
        <translation>显示测试集的点（三角形）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour each point of the plane by its predicted class only</source>
        <translation>平面上每个点只按预测类别着色</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back to output</source>
        <translation>回到输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the network&apos;s output again</source>
        <translation>重新显示网络的输出</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The decision surface is drawn for data with two inputs.</source>
        <translation>决策边界只对两个输入的数据绘制。</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Unit map: {label}</source>
        <translation>神经元图：{label}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unit output</source>
        <translation>神经元输出</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>P({name})</source>
        <translation>P({name})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P(class 1)</source>
        <translation>P(类别 1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export image…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export surface image</source>
        <translation>导出决策边界图像</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export image</source>
        <translation>导出图像</translation>
    </message>
</context>
<context>
    <name>DiagnosisView</name>
    <message>
        <location filename="../../nnstudio/gui/diagnosis_view.py" line="+81"/>
        <source>Train to diagnose the run.</source>
        <translation>训练后即可诊断本次训练。</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+55"/>
        <location line="+55"/>
        <source>Restore best weights</source>
        <translation>恢复最佳权重</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>{0} finding(s)</source>
        <translation>{0} 项发现</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No finding at epoch {0}: the run looks healthy.</source>
        <translation>第 {0} 轮没有发现问题：训练状态良好。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No finding: the run looks healthy.</source>
        <translation>没有发现问题：训练状态良好。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Restore best weights (epoch {0})</source>
        <translation>恢复最佳权重（第 {0} 轮）</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../nnstudio/gui/document.py" line="+318"/>
        <source>Add {0}</source>
        <translation>添加 {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete {0}</source>
        <translation>删除 {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connect {0} to {1}</source>
        <translation>连接 {0} 到 {1}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Disconnect {0} from {1}</source>
        <translation>断开 {0} 与 {1} 的连接</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Move {0}</source>
        <translation>移动 {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set {0} {1} to {2}</source>
        <translation>把 {0} 的 {1} 设为 {2}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Auto-arrange</source>
        <translation>自动排列</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Change data settings</source>
        <translation>修改数据设置</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Change {0}</source>
        <translation>修改 {0}</translation>
    </message>
</context>
<context>
    <name>FeaturePairPanel</name>
    <message>
        <location filename="../../nnstudio/gui/feature_pair.py" line="+54"/>
        <source>Horizontal</source>
        <translation>横轴</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertical</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Other features held at:</source>
        <translation>其余特征固定为：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medians</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hold every other feature at its training median</source>
        <translation>其余每个特征都固定为训练集中位数</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>{name}: {lo:.4g} to {hi:.4g}</source>
        <translation>{name}：{lo:.4g} 到 {hi:.4g}</translation>
    </message>
</context>
<context>
    <name>FileOperations</name>
    <message>
        <location filename="../../nnstudio/gui/file_ops.py" line="+46"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to {0}?</source>
        <translation>保存对 {0} 的修改吗？</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export PyTorch training script</source>
        <translation>导出 PyTorch 训练脚本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where should the exported training start?</source>
        <translation>导出的训练从哪里开始？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initial weights: the run from the beginning, as this project&apos;s seed starts it.
Trained weights: the network as it is now, to train it further.</source>
        <translation>初始权重：按本项目的随机种子从头开始训练。
已训练权重：从网络的当前状态继续训练。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained weights</source>
        <translation>已训练权重</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>empty — only an Input node for the current data</source>
        <translation>空白 — 只有当前数据的输入节点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start from:</source>
        <translation>起点：</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network cannot be exported until it is valid:
</source>
        <translation>网络有效之后才能导出：
</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+54"/>
        <source>Export {0}</source>
        <translation>导出{0}</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Exported {0}: {1}</source>
        <translation>已导出{0}：{1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import weights</source>
        <translation>导入权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights (*.npz *.safetensors);;All files (*)</source>
        <translation>权重 (*.npz *.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Imported weights from {0}</source>
        <translation>已从 {0} 导入权重</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Exported the {0} to {1}</source>
        <translation>已将{0}导出到 {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>plots</source>
        <translation>曲线图</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export curves</source>
        <translation>导出曲线数据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported the curves to {0}</source>
        <translation>已将曲线数据导出到 {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <location filename="../../nnstudio/gui/diagnosis_view.py" line="-77"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply: {0}</source>
        <translation>应用：{0}</translation>
    </message>
</context>
<context>
    <name>HelpBrowser</name>
    <message>
        <location filename="../../nnstudio/gui/help_browser.py" line="+41"/>
        <source>NN Studio documentation</source>
        <translation>NN Studio 使用手册</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+14"/>
        <source># Documentation not found

This installation has no `docs` folder. The manual is the `docs/` folder of NN Studio&apos;s source.</source>
        <translation># 找不到使用手册

此安装中没有 `docs` 文件夹。使用手册位于 NN Studio 源代码的 `docs/` 文件夹中。</translation>
    </message>
</context>
<context>
    <name>ImageViews</name>
    <message>
        <location filename="../../nnstudio/gui/image_views.py" line="+33"/>
        <source> (first {0} channels)</source>
        <translation>（前 {0} 个通道）</translation>
    </message>
</context>
<context>
    <name>InsightDocks</name>
    <message>
        <location filename="../../nnstudio/gui/insight_docks.py" line="+138"/>
        <source>The network or the data changed since these results: train again.</source>
        <translation>得到这些结果之后网络或数据已改变：请重新训练。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Train to diagnose the run.</source>
        <translation>训练后即可诊断本次训练。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train to see the results.</source>
        <translation>训练后即可查看结果。</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Restored the best weights, of epoch {0}</source>
        <translation>已恢复第 {0} 轮的最佳权重</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Applied: {0}</source>
        <translation>已应用：{0}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../nnstudio/gui/inspector.py" line="+144"/>
        <source>Select a layer on the canvas to edit its parameters.</source>
        <extracomment>Parameters shown only when another parameter has one of the given values: each activation parameter (the catalog&apos;s ACTIVATION_PARAMS) while an activation that reads it is chosen, e.g. ``slope`` for leaky_relu.</extracomment>
        <translation>在画布上选中一个层以编辑其参数。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source> (range {0:g} to {1:g})</source>
        <translation>（范围 {0:g} 到 {1:g}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This layer has no parameters.</source>
        <translation>该层没有参数。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Output {0}</source>
        <translation>输出 {0}</translation>
    </message>
</context>
<context>
    <name>LayerStatsView</name>
    <message>
        <location filename="../../nnstudio/gui/layer_stats_view.py" line="+46"/>
        <source>Train to see each layer&apos;s weights, gradients and outputs.</source>
        <extracomment>Values labelled on the bins axis.</extracomment>
        <translation>训练后即可查看每层的权重、梯度和输出。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Train to see each layer&apos;s statistics.</source>
        <translation>训练后即可查看每层的统计。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dead {0:.0%}</source>
        <translation>死亡 {0:.0%}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saturated {0:.0%}</source>
        <translation>饱和 {0:.0%}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>gradient norm per layer (log10)</source>
        <translation>每层梯度范数 (log10)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../nnstudio/gui/lessons_panel.py" line="+163"/>
        <source>{0} of {1} steps done</source>
        <extracomment>where &quot;Show me&quot; exports go (None: ask with a file dialog)</extracomment>
        <translation>已完成 {0} / {1} 步</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nnstudio/gui/main_window.py" line="-50"/>
        <source>Changed since the last run</source>
        <translation>上次训练后已修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network or the data changed: train again for new results.</source>
        <translation>网络或数据已改变：重新训练以得到新结果。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>{0}: network and data edits wait until it stops</source>
        <translation>{0}：网络和数据的修改需等待其停止</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>NN Studio</source>
        <translation>NN Studio</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cannot train</source>
        <translation>无法训练</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Reset discards the trained weights and the history of {0} epochs; the network starts again from fresh weights. This cannot be undone.</source>
        <translation>重置会丢弃已训练的权重和 {0} 个轮次的历史记录；网络将从新的权重重新开始。此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reset training?</source>
        <translation>重置训练？</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Training reset: the network has fresh weights</source>
        <translation>训练已重置：网络使用新的权重</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>

The weights of the last finite step are kept.</source>
        <translation>

保留最后一个有限值步骤的权重。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
</context>
<context>
    <name>NeuronView</name>
    <message>
        <location filename="../../nnstudio/gui/neuron_view.py" line="+171"/>
        <source>{node} unit {n}</source>
        <translation>{node} 神经元 {n}</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>{reason}: stop training to edit a weight.</source>
        <translation>{reason}：停止训练后才能编辑权重。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New weight; Enter applies it, Esc cancels.</source>
        <translation>新权重；按 Enter 应用，按 Esc 取消。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&apos;{text}&apos; is not a number.</source>
        <translation>&apos;{text}&apos; 不是数字。</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../../nnstudio/gui/canvas_items.py" line="+399"/>
        <source>{0} → {1} (input {2})</source>
        <translation>{0} → {1}（输入 {2}）</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/canvas_style.py" line="+45"/>
        <source>{0} param</source>
        <translation>{0} 个参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} params</source>
        <translation>{0} 个参数</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>fewer</source>
        <translation>收起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+{n} more</source>
        <translation>还有 {n} 个</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/canvas_scene.py" line="+51"/>
        <source>{0} feature</source>
        <translation>{0} 个特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} features</source>
        <translation>{0} 个特征</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} unit</source>
        <translation>{0} 个神经元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} units</source>
        <translation>{0} 个神经元</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>needs {0}+ inputs</source>
        <translation>需要至少 {0} 个输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sum of {0} inputs</source>
        <translation>{0} 个输入之和</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} inputs side by side</source>
        <translation>{0} 个输入并排</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} inputs</source>
        <translation>{0} 个输入</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../nnstudio/gui/palette.py" line="+67"/>
        <source>Filter layers…</source>
        <translation>筛选层…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../nnstudio/gui/preferences.py" line="+28"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new language applies when NN Studio starts again.</source>
        <translation>新的语言将在 NN Studio 下次启动时生效。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../../nnstudio/gui/problems.py" line="+66"/>
        <source>(double-click: fit the output and loss to the data)</source>
        <translation>（双击：使输出层和损失函数适配数据）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(double-click: insert Flatten)</source>
        <translation>（双击：插入展平层）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>

Nodes: {0} (double-click to select)</source>
        <translation>

节点：{0}（双击选中）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Note:</source>
        <translation>注意：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Does not block training.</source>
        <translation>不影响训练。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No problems: the network is ready to train.</source>
        <translation>没有问题：网络可以训练。</translation>
    </message>
</context>
<context>
    <name>ProjectionView</name>
    <message>
        <location filename="../../nnstudio/gui/projection_view.py" line="+90"/>
        <source>PC1 ({p:.0f} % of the variance)</source>
        <translation>PC1（方差的 {p:.0f} %）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PC2 ({p:.0f} % of the variance)</source>
        <translation>PC2（方差的 {p:.0f} %）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>{n} samples, coloured by the target value</source>
        <translation>{n} 个样本，按目标值着色</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} samples coloured by class ({names})</source>
        <translation>{n} 个样本，按类别着色（{names}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; {w} predicted wrong (circled)</source>
        <translation>；{w} 个预测错误（已圈出）</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../nnstudio/gui/recovery.py" line="-13"/>
        <source>a few seconds ago</source>
        <extracomment>Delay between the last change and its autosave.</extracomment>
        <translation>几秒钟前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 minute ago</source>
        <translation>1 分钟前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} minutes ago</source>
        <translation>{n} 分钟前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 hour ago</source>
        <translation>1 小时前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} hours ago</source>
        <translation>{n} 小时前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 day ago</source>
        <translation>1 天前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} days ago</source>
        <translation>{n} 天前</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Recover unsaved work?</source>
        <translation>恢复未保存的工作？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NN Studio did not close properly. An autosave of {name} from {when} ({age}) exists; edits made after it are not in it.
Restore it?</source>
        <translation>NN Studio 上次未正常关闭。存在 {name} 于 {when}（{age}）的自动保存；之后的修改不在其中。
要恢复吗？</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>an untitled project</source>
        <translation>未命名项目</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Restored the autosave of {name} from {when} ({age}); later edits were lost.</source>
        <translation>已恢复 {name} 于 {when}（{age}）的自动保存；之后的修改已丢失。</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <location filename="../../nnstudio/gui/replay.py" line="+100"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>An animated GIF of the replay</source>
        <translation>回放的 GIF 动画</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Animated GIFs need the optional Pillow package (pip install pillow)</source>
        <translation>GIF 动画需要可选的 Pillow 包（pip install pillow）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} snapshots from epoch {1} to {2}: drag to replay the run.</source>
        <translation>从第 {1} 轮到第 {2} 轮共 {0} 个快照：拖动即可回放训练过程。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+80"/>
        <source>latest</source>
        <translation>最新</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Recording the run…</source>
        <translation>正在记录训练过程…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No replay: train this network to record one.</source>
        <translation>没有回放：训练此网络即可记录。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The snapshots do not match this network.</source>
        <translation>快照与此网络不匹配。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>epoch {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Export the replay as PNG images into</source>
        <translation>将回放导出为 PNG 图像到</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wrote {0} images to {1}</source>
        <translation>已将 {0} 张图像写入 {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <source>Export replay</source>
        <translation>导出回放</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Export the replay as an animated GIF</source>
        <translation>把回放导出为 GIF 动画</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GIF images (*.gif)</source>
        <translation>GIF 图像 (*.gif)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrote {0}</source>
        <translation>已写入 {0}</translation>
    </message>
</context>
<context>
    <name>ReplayWidget</name>
    <message>
        <location line="-230"/>
        <source>Latest</source>
        <extracomment>Default memory for a run&apos;s snapshots (MB): the engine&apos;s default budget. An exported GIF has at most this many frames, this many pixels wide.</extracomment>
        <translation>最新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the project&apos;s current weights again</source>
        <translation>重新显示项目的当前权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PNG sequence…</source>
        <translation>导出 PNG 序列…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export GIF…</source>
        <translation>导出 GIF…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Train to record a replay of the run.</source>
        <translation>训练后即可记录训练过程的回放。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Memory for snapshots:</source>
        <translation>快照占用内存：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Weights kept at log-spaced epochs of each run for the replay (0: none)</source>
        <translation>每次训练按对数间隔的轮次保留权重用于回放（0：不保留）</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../nnstudio/gui/results_view.py" line="+43"/>
        <source>Training split</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test split</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train to see the results.</source>
        <translation>训练后即可查看结果。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>actual</source>
        <translation>真实值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>residual (predicted - actual)</source>
        <translation>残差（预测值 - 真实值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>epoch {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (first {0} of {1} samples)</source>
        <translation>（{1} 个样本中的前 {0} 个）</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>→ {0}</source>
        <translation>→ {0}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows: true class; columns: predicted class</source>
        <translation>行：真实类别；列：预测类别</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} of {1} samples</source>
        <translation>{1} 个样本中的 {0} 个</translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message>
        <location filename="../../nnstudio/gui/runs_view.py" line="+54"/>
        <source>Each run is recorded here (and saved in the project).</source>
        <translation>每次训练都记录在这里（并保存在项目中）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>结束于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test metric</source>
        <translation>测试指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best epoch</source>
        <translation>最佳轮次</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../../nnstudio/gui/lessons_panel.py" line="-118"/>
        <source>Show me</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do this step for me</source>
        <translation>替我完成这一步</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not done yet</source>
        <translation>尚未完成</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../nnstudio/gui/training_panel.py" line="+220"/>
        <source>Until paused</source>
        <extracomment>Display names of the choices (the catalog holds the names themselves). TrainConfig field -&gt; the panel&apos;s attribute for its editor the sub-table of parameters that follows each choice field</extracomment>
        <translation>直到暂停</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train until you pause or stop</source>
        <translation>一直训练，直到暂停或停止</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Takes effect at once, even while training</source>
        <translation>立即生效，训练中也是如此</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>the optimizer&apos;s settings</source>
        <translation>优化器的设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} and {1}</source>
        <translation>{0}和{1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}: only {1} can change now.</source>
        <translation>{0}：现在只能修改{1}。</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <location filename="../../nnstudio/gui/plots.py" line="+164"/>
        <source>Log scale</source>
        <extracomment>Curves redraw at most this often (ms): axes re-render on every range change, and that painting holds the GIL the training thread needs. Curves not on screen (the dock behind another tab) wait, checked at the same interval, until they are shown.</extracomment>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the loss on a logarithmic axis</source>
        <translation>用对数坐标轴显示损失</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+6"/>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+6"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>NN Studio training curves</source>
        <translation>NN Studio 训练曲线</translation>
    </message>
</context>
<context>
    <name>TrainingStatus</name>
    <message>
        <location filename="../../nnstudio/gui/status.py" line="+97"/>
        <source>Epoch 0</source>
        <extracomment>Least time between two status updates while training (4 a second: a re-layout of the labels costs more than a frame when snapshots come at 60 Hz); the newest snapshot wins.</extracomment>
        <translation>轮次 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss –</source>
        <translation>损失 –</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+43"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Epoch {0}</source>
        <translation>轮次 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loss {0} / test {1}</source>
        <translation>损失 {0} / 测试 {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Accuracy {0} / test {1}</source>
        <translation>准确率 {0} / 测试 {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>RMSE {0} / test {1}</source>
        <translation>RMSE {0} / 测试 {1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0:,.0f} epochs/s</source>
        <translation>{0:,.0f} 轮/秒</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> · {0} left</source>
        <translation> · 剩余 {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This run: {0:,} of {1:,} epochs</source>
        <translation>本次训练：{0:,} / {1:,} 轮</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (continuing from epoch {0:,})</source>
        <translation>（从第 {0:,} 轮继续）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Epoch {0:,}</source>
        <translation>轮次 {0:,}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training until paused or stopped</source>
        <translation>一直训练，直到暂停或停止</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../nnstudio/gui/app.py" line="+78"/>
        <source>Something went wrong inside NN Studio.</source>
        <extracomment>Screenshot mode gives up after this long (the run, not the machine, is at fault).</extracomment>
        <translation>NN Studio 内部出错了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your project is still open; save it under a new name if in doubt. Please report this with the details below.</source>
        <translation>你的项目仍处于打开状态；如有疑问，请另存为新文件名。请连同下面的详细信息一起报告此问题。</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <location filename="../../nnstudio/gui/catalog_strings.py" line="+13"/>
        <source> to {lr} at epoch {top} and down again (period {period} epochs)</source>
        <translation>，第 {top} 轮回到 {lr} 后再次下降（周期 {period} 轮）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2-D convolution: each filter slides over the image and sums kernel x pixels over all input channels (torch.nn.Conv2d), then applies the activation.</source>
        <translation>二维卷积：每个滤波器在图像上滑动，在所有输入通道上对卷积核 × 像素求和 (torch.nn.Conv2d)，然后应用激活函数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; {value} in the last epoch ({epochs})</source>
        <translation>；最后一轮（第 {epochs} 轮）为 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A disc inside a ring: the classic non-linear boundary</source>
        <translation>环中的圆盘：经典的非线性边界</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AMSGrad</source>
        <translation>AMSGrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add</source>
        <translation>相加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a learned bias to each unit.</source>
        <translation>为每个神经元加上一个可学习的偏置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added to the denominator for numerical stability.</source>
        <translation>加到分母上以保证数值稳定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds weight_decay * p to every parameter&apos;s gradient (PyTorch&apos;s weight_decay; use L2 to penalise weights only).</source>
        <translation>在每个参数的梯度上加 weight_decay * p（即 PyTorch 的 weight_decay；只惩罚权重请用 L2）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies an activation function element-wise; the width is unchanged.</source>
        <translation>逐元素应用激活函数；宽度不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Averages each channel over the whole image: (channels, h, w) -&gt; (channels,).</source>
        <translation>对每个通道在整幅图像上取平均：(通道, h, w) -&gt; (通道,)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AvgPool2D</source>
        <translation>平均池化 2D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch Norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beta 1</source>
        <translation>Beta 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beta 2</source>
        <translation>Beta 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary cross-entropy (logits)</source>
        <translation>二元交叉熵（logits）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blobs</source>
        <translation>高斯团</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breast cancer (Wisconsin)</source>
        <translation>乳腺癌（威斯康星）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breast cancer diagnosis from 30 cell measurements (a bundled classic table)</source>
        <translation>根据 30 项细胞测量值诊断乳腺癌（内置经典数据表）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breast-cancer</source>
        <translation>乳腺癌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categorical cross-entropy</source>
        <translation>多类交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centered</source>
        <translation>中心化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels</source>
        <translation>通道数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clip gradient norm</source>
        <translation>梯度范数裁剪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concatenate</source>
        <translation>拼接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Constant: lr stays {lr} for all {epochs} epochs.</source>
        <translation>恒定：学习率在全部 {epochs} 个轮次中保持 {lr}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Constant: lr stays {lr}.</source>
        <translation>恒定：学习率保持 {lr}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conv2D</source>
        <translation>卷积 2D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Core</source>
        <translation>基础</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosine: lr {lr} → {end} at epoch {epochs} (the last), on the way to {low} at epoch {bottom}.</source>
        <translation>余弦：学习率从 {lr} 降到第 {epochs} 轮（最后一轮）的 {end}，本应在第 {bottom} 轮降到 {low}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosine: lr {lr} → {low} at epoch {bottom}, then back up{again}{last}.</source>
        <translation>余弦：学习率从 {lr} 降到第 {bottom} 轮的 {low}，然后回升{again}{last}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dampening</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decay (alpha)</source>
        <translation>衰减 (alpha)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decay of the running mean of gradients.</source>
        <translation>梯度滑动平均的衰减率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decay of the running mean of squared gradients.</source>
        <translation>梯度平方滑动平均的衰减率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delta</source>
        <translation>Delta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dense</source>
        <translation>全连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diabetes</source>
        <translation>糖尿病</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diabetes progression</source>
        <translation>糖尿病病情进展</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diabetes progression from 10 patient values: regression on a bundled table</source>
        <translation>根据 10 项患者指标预测糖尿病进展：内置数据表上的回归</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits-cnn</source>
        <translation>手写数字 CNN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divide by the largest second moment seen so far.</source>
        <translation>除以迄今为止最大的二阶矩。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout</source>
        <translation>随机失活</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>During training, zeroes a random fraction of values (inverted dropout); does nothing at prediction time.</source>
        <translation>训练时把随机一部分值置零（反向随机失活）；预测时不起作用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ELU alpha</source>
        <translation>ELU alpha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Element-wise sum of two or more inputs of the same width (residual connections).</source>
        <translation>对两个或更多同宽度输入逐元素求和（残差连接）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elu</source>
        <translation>ELU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs of one half cosine from the learning rate down to the minimum.</source>
        <translation>学习率从初值按半个余弦周期降到最小值所用的轮次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epsilon</source>
        <translation>Epsilon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors smaller than delta are squared, larger ones count linearly (torch.nn.HuberLoss delta).</source>
        <translation>小于 delta 的误差取平方，较大的误差按线性计算 (torch.nn.HuberLoss delta)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exclusive or</source>
        <translation>异或</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explicit</source>
        <translation>指定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential with gamma 1: lr stays {lr}.</source>
        <translation>指数（gamma 为 1）：学习率保持 {lr}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential: lr {lr} multiplied by {gamma} each epoch (halves every {half} epochs){last}.</source>
        <translation>指数：学习率 {lr}，每个轮次乘以 {gamma}（每 {half} 个轮次减半）{last}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Factor the learning rate is multiplied by after every epoch.</source>
        <translation>每个轮次结束后学习率乘以的系数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Factor the learning rate is multiplied by every step_size epochs.</source>
        <translation>每隔 step_size 个轮次学习率乘以的系数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fashion-MNIST (download)</source>
        <translation>Fashion-MNIST（需下载）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fashion-MNIST clothing (downloaded on first use, 30 MB): two 3x3 Conv2D + MaxPool blocks (16, 32 filters), Dense 64, 10 classes</source>
        <translation>Fashion-MNIST 服装图像（首次使用时下载，30 MB）：两个 3x3 卷积 + 最大池化模块（16、32 个滤波器），64 个神经元的全连接层，10 个类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fashion-cnn</source>
        <translation>Fashion CNN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters</source>
        <translation>滤波器数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit a plane to noisy points: a linear output with mean squared error</source>
        <translation>用平面拟合带噪声的点：线性输出配均方误差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folders (*)</source>
        <translation>文件夹 (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Four Gaussian blobs: a softmax output with categorical cross-entropy</source>
        <translation>四个高斯团：softmax 输出配多类交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the previous update kept in the velocity.</source>
        <translation>速度中保留的上一次更新的比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of values dropped during training (0 to 0.95; torch.nn.Dropout p).</source>
        <translation>训练时丢弃的值的比例（0 到 0.95；torch.nn.Dropout p）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fully connected layer: every input connects to every unit (x @ W + b).</source>
        <translation>全连接层：每个输入都连接到每个神经元 (x @ W + b)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Function applied to each unit&apos;s output.</source>
        <translation>作用于每个神经元输出的函数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Function applied to each value.</source>
        <translation>作用于每个值的函数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gelu</source>
        <translation>GELU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Global Avg Pool</source>
        <translation>全局平均池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glorot_normal</source>
        <translation>Glorot 正态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glorot_uniform</source>
        <translation>Glorot 均匀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten digits (8x8)</source>
        <translation>手写数字 (8x8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten digits as 1x8x8 images: a small convolutional network (Conv2D, MaxPool, Flatten, Dense)</source>
        <translation>把手写数字作为 1x8x8 图像：一个小型卷积网络（卷积、最大池化、展平、全连接）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten digits: 8x8 images as 64 inputs, 10 classes (a bundled classic table)</source>
        <translation>手写数字：8x8 图像作为 64 个输入，10 个类别（内置经典数据表）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>He_normal</source>
        <translation>He 正态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>He_uniform</source>
        <translation>He 均匀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the learning rate changes over the epochs.</source>
        <translation>学习率随轮次变化的方式。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Huber</source>
        <translation>Huber</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image channels (1 for grey, 3 for colour); used when height and width are set.</source>
        <translation>图像通道数（灰度为 1，彩色为 3）；设置了高度和宽度时使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image height in pixels; 0 (with width 0) means flat features. An image input is (channels, height, width) and its Features must be channels x height x width.</source>
        <translation>图像高度（像素）；0（且宽度为 0）表示普通特征。图像输入为 (通道, 高度, 宽度)，其特征数必须等于 通道 × 高度 × 宽度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image width in pixels; 0 (with height 0) means flat features.</source>
        <translation>图像宽度（像素）；0（且高度为 0）表示普通特征。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial accumulator</source>
        <translation>累加器初值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initializer</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iris</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iris flowers: 4 measurements, 3 species (a bundled classic table)</source>
        <translation>鸢尾花：4 项测量值，3 个品种（内置经典数据表）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins two or more inputs side by side along the features, in input order; the width is the sum of the input widths.</source>
        <translation>按输入顺序沿特征方向并排连接两个或更多输入；宽度为各输入宽度之和。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps the largest value of each window of each channel (torch.nn.MaxPool2d).</source>
        <translation>保留每个通道每个窗口中的最大值 (torch.nn.MaxPool2d)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaky slope</source>
        <translation>泄漏斜率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaky_relu</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lecun_normal</source>
        <translation>LeCun 正态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look-ahead momentum (needs momentum &gt; 0 and dampening 0).</source>
        <translation>前瞻动量（需要动量 &gt; 0 且阻尼为 0）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MNIST digits (download)</source>
        <translation>MNIST 手写数字（需下载）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MNIST digits (downloaded on first use, 11 MB): LeNet-5 style, conv 6@5x5, pool, conv 16@5x5, pool, 120, 84, 10</source>
        <translation>MNIST 手写数字（首次使用时下载，11 MB）：LeNet-5 风格，卷积 6@5x5，池化，卷积 16@5x5，池化，120，84，10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MaxPool2D</source>
        <translation>最大池化 2D</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean absolute error</source>
        <translation>平均绝对误差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum rate</source>
        <translation>最小学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mnist-lenet</source>
        <translation>MNIST LeNet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multi-Gaussian</source>
        <translation>多高斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multi-arm spiral</source>
        <translation>多臂螺旋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiclass</source>
        <translation>多分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiply by</source>
        <translation>乘以</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiply per epoch</source>
        <translation>每轮乘以</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal</source>
        <translation>正态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalise by the variance of the gradient instead of its second moment.</source>
        <translation>用梯度的方差而不是二阶矩进行归一化。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalises each feature over the batch, then scales and shifts it with learned weights; uses running statistics at prediction time.</source>
        <translation>在批内对每个特征归一化，再用可学习的权重缩放和平移；预测时使用滑动统计量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NumPy archives (*.npz)</source>
        <translation>NumPy 归档 (*.npz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NumPy weights (.npz)</source>
        <translation>NumPy 权重 (.npz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of filters: the output channels (torch.nn.Conv2d out_channels).</source>
        <translation>滤波器个数：即输出通道数 (torch.nn.Conv2d out_channels)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of input features; set from the dataset&apos;s feature count.</source>
        <translation>输入特征数；由数据集的特征数设置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of neurons (output width) of the layer.</source>
        <translation>该层的神经元个数（输出宽度）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX model</source>
        <translation>ONNX 模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output channels.</source>
        <translation>输出通道数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output height.</source>
        <translation>输出高度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output width.</source>
        <translation>输出宽度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pad</source>
        <translation>填充</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Padding</source>
        <translation>填充方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Padding on each side, at most half the pool size (max pooling pads with -inf, average pooling with zeros that count in the mean).</source>
        <translation>每边的填充，最多为池化大小的一半（最大池化用 -inf 填充，平均池化用计入平均值的零填充）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes over the training data; none runs until stopped.</source>
        <translation>遍历训练数据的次数；不设置则一直训练到停止。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalty on the sum of weights squared.</source>
        <translation>对权重平方和的惩罚。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penalty on the sum of |weights|.</source>
        <translation>对 |权重| 之和的惩罚。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period (epochs)</source>
        <translation>周期（轮次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pool size</source>
        <translation>池化大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PyTorch module (.py)</source>
        <translation>PyTorch 模块 (.py)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PyTorch training script</source>
        <translation>PyTorch 训练脚本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python files (*.py)</source>
        <translation>Python 文件 (*.py)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relu</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaces each window of each channel by its mean (torch.nn.AvgPool2d).</source>
        <translation>用平均值代替每个通道的每个窗口 (torch.nn.AvgPool2d)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reshape</source>
        <translation>变形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD + momentum</source>
        <translation>SGD + 动量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same</source>
        <translation>等大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples per step; none trains on the whole training set at once.</source>
        <translation>每步的样本数；不设置则每步使用整个训练集。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale of elu for negative inputs (used only with elu; torch.nn.ELU alpha).</source>
        <translation>elu 对负输入的缩放（仅用于 elu；torch.nn.ELU alpha）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale the gradient down when its norm exceeds this value.</source>
        <translation>当梯度范数超过此值时按比例缩小梯度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scales down the new gradient added to the velocity (0 for none).</source>
        <translation>缩小加入速度的新梯度（0 表示不缩小）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shuffling and dropout masks.</source>
        <translation>用于打乱数据和随机失活掩码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side of the square kernel in pixels.</source>
        <translation>正方形卷积核的边长（像素）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side of the square window.</source>
        <translation>正方形窗口的边长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silu</source>
        <translation>SiLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slope of leaky_relu for negative inputs (used only with leaky_relu; torch.nn.LeakyReLU negative_slope).</source>
        <translation>leaky_relu 在负输入上的斜率（仅用于 leaky_relu；torch.nn.LeakyReLU negative_slope）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small number added to the variance for numerical stability.</source>
        <translation>加到方差上以保证数值稳定的小数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spacing between kernel taps (1: a plain kernel).</source>
        <translation>卷积核采样点之间的间距（1：普通卷积核）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standalone NumPy script (.py)</source>
        <translation>独立 NumPy 脚本 (.py)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练 (Space)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting value of the sum of squared gradients.</source>
        <translation>梯度平方和的初始值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step between kernel positions.</source>
        <translation>卷积核位置之间的步长。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step between windows (equal to the pool size: windows do not overlap).</source>
        <translation>窗口之间的步长（等于池化大小时窗口不重叠）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step every (epochs)</source>
        <translation>间隔（轮次）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step size of the optimizer (before the schedule).</source>
        <translation>优化器的步长（调度之前）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step with gamma 1: lr stays {lr}.</source>
        <translation>阶梯（gamma 为 1）：学习率保持 {lr}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step: lr {lr}, multiplied by {gamma} every {size} epochs ({next} from epoch {start}){last}.</source>
        <translation>阶梯：学习率 {lr}，每 {size} 个轮次乘以 {gamma}（从第 {start} 轮起为 {next}）{last}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The learning rate changes every step_size epochs.</source>
        <translation>学习率每隔 step_size 个轮次变化一次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The lowest learning rate of the cosine.</source>
        <translation>余弦调度的最低学习率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network&apos;s input: one unit per feature of the dataset.</source>
        <translation>网络的输入：数据集的每个特征对应一个神经元。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The step is lr / (1 + (t - 1) * lr_decay) at step t.</source>
        <translation>第 t 步的步长为 lr / (1 + (t - 1) * lr_decay)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The update rule.</source>
        <translation>参数更新规则。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two Gaussian clouds: separable by a straight line, trains in seconds</source>
        <translation>两团高斯点云：可用直线分开，几秒即可训练完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two Gaussians</source>
        <translation>两团高斯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two interleaved spirals: the hardest 2-D set, solved with engineered features</source>
        <translation>两条交错的螺旋：最难的二维数据集，借助构造特征解决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two interleaving half moons with a little noise</source>
        <translation>两个交错的半月形，带少量噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unrolls an image (channels, h, w) into channels x h x w features, in that order (torch.nn.Flatten); put it between image layers and Dense.</source>
        <translation>把图像 (通道, h, w) 依次展开成 通道 × h × w 个特征 (torch.nn.Flatten)；放在图像层和全连接层之间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use bias</source>
        <translation>使用偏置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>不填充</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Views the same values with a new shape (channels, height, width), e.g. 64 features as a 1 x 8 x 8 image.</source>
        <translation>以新的形状 (通道, 高度, 宽度) 查看同样的值，例如把 64 个特征看作 1 × 8 × 8 的图像。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vision</source>
        <translation>视觉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight initialisation; auto picks he for relu-like activations, glorot otherwise.</source>
        <translation>权重初始化方法；自动：类 relu 激活函数用 he，其余用 glorot。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of the new batch in the running statistics (PyTorch convention).</source>
        <translation>新批次在滑动统计量中的权重（PyTorch 约定）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What training minimises.</source>
        <translation>训练要最小化的目标。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wine</source>
        <translation>葡萄酒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wine cultivars from 13 chemical measurements (a bundled classic table)</source>
        <translation>根据 13 项化学测量值区分葡萄酒品种（内置经典数据表）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XOR quadrants: needs a hidden layer (no straight line separates them)</source>
        <translation>XOR 象限：需要隐藏层（没有一条直线能把它们分开）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xor</source>
        <translation>异或</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeros added on each side (used only with padding &apos;explicit&apos;).</source>
        <translation>每边补零的个数（仅用于填充方式 &apos;explicit&apos;）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>categorical</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>float32 (faster)</source>
        <translation>float32（较快）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>float32 is faster on larger networks; float64 for exact checks.</source>
        <translation>float32 在较大的网络上更快；float64 用于精确检验。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>float64 (exact)</source>
        <translation>float64（精确）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>numeric</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safetensors</source>
        <translation>safetensors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>valid: no padding; same: zeros around so the output is ceil(input / stride) (PyTorch padding=&apos;same&apos; for stride 1); explicit: Pad zeros on each side.</source>
        <translation>valid：不填充；same：四周补零，使输出为 ceil(输入 / 步长)（步长为 1 时即 PyTorch 的 padding=&apos;same&apos;）；explicit：每边补 Pad 个零。</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/main_window.py" line="-409"/>
        <source>Training is paused</source>
        <translation>训练已暂停</translation>
    </message>
    <message>
        <location filename="../../nnstudio/gui/training_controller.py" line="+19"/>
        <source>Training is running</source>
        <translation>训练进行中</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../nnstudio/gui/neuron_view.py" line="+15"/>
        <source>&amp;Neuron View</source>
        <translation>神经元视图(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>Show each unit as a map over the input plane</source>
        <translation>把每个神经元显示为输入平面上的一张图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The neuron view needs data with two inputs (a 2-D input plane)</source>
        <translation>神经元视图需要两个输入的数据（二维输入平面）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add &amp;Layer After</source>
        <translation>在其后添加层(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a hidden Dense layer after the selected layer</source>
        <translation>在选中的层之后添加一个全连接隐藏层</translation>
    </message>
</context>
<context>
    <name>w</name>
    <message>
        <location filename="../../nnstudio/gui/actions.py" line="-149"/>
        <source>About NN Studio</source>
        <translation>关于 NN Studio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Design, train and understand neural networks on your desktop.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在桌面上设计、训练和理解神经网络。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>&amp;Undo {0}</source>
        <translation>撤销 {0}(&amp;U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo {0}</source>
        <translation>重做 {0}(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../nnstudio/gui/lessons_panel.py" line="+166"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
</context>
</TS>
