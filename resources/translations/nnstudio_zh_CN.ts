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
        <location line="+180"/>
        <location filename="../../nnstudio/gui/main_window.py" line="+323"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location line="-179"/>
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
        <location line="+109"/>
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
        <location filename="../../nnstudio/gui/insight_docks.py" line="+48"/>
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
        <location filename="../../nnstudio/gui/main_window.py" line="-15"/>
        <source>Layers</source>
        <extracomment>The status bar shows training progress at most this often (ms). the window&apos;s size when no saved geometry exists (smaller on a smaller screen) the left and right dock columns&apos; widths at DEFAULT_SIZE (scaled with the width)</extracomment>
        <translation>层</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location filename="../../nnstudio/gui/recovery.py" line="+59"/>
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
        <location filename="../../nnstudio/gui/canvas_view.py" line="+431"/>
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
        <location filename="../../nnstudio/gui/csv_wizard.py" line="+35"/>
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
        <translation>{rows} 行（删除 {dropped} 行）→ {inputs} 个输入；目标 &apos;{target}&apos;：{task}</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../nnstudio/gui/data_panel.py" line="+81"/>
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
        <location line="+13"/>
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
        <location filename="../../nnstudio/gui/surface.py" line="+159"/>
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
        <location line="+4"/>
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
        <location line="+141"/>
        <source>Unit map: {label}</source>
        <translation>神经元图：{label}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unit output</source>
        <translation>神经元输出</translation>
    </message>
    <message>
        <location line="+53"/>
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
        <location filename="../../nnstudio/gui/diagnosis_view.py" line="+138"/>
        <source>Train to diagnose the run.</source>
        <translation>训练后即可诊断本次训练。</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+66"/>
        <location line="+55"/>
        <source>Restore best weights</source>
        <translation>恢复最佳权重</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Output does not fit the data</source>
        <extracomment>a title per finding code (the code itself stays in the tooltip)</extracomment>
        <translation>输出与数据不匹配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs not scaled</source>
        <translation>输入未缩放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imbalanced classes</source>
        <translation>类别不平衡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate too high</source>
        <translation>学习率过高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exploding gradients</source>
        <translation>梯度爆炸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vanishing gradients</source>
        <translation>梯度消失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dead units</source>
        <translation>死亡神经元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturated units</source>
        <translation>饱和神经元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overfitting</source>
        <translation>过拟合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plateau</source>
        <translation>停滞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate too low</source>
        <translation>学习率过低</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Standardize inputs</source>
        <translation>输入标准化</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+108"/>
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
        <location line="+19"/>
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
        <location filename="../../nnstudio/gui/file_ops.py" line="+47"/>
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
        <location line="+6"/>
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
        <location line="+55"/>
        <source>Export {0}</source>
        <translation>导出{0}</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Exported {0}: {1}</source>
        <translation>已导出{0}：{1}</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+62"/>
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
        <location filename="../../nnstudio/gui/diagnosis_view.py" line="-94"/>
        <source>{evidence}.&lt;br&gt;&lt;i&gt;Try:&lt;/i&gt; {action}.</source>
        <translation>{evidence}。&lt;br&gt;&lt;i&gt;建议：&lt;/i&gt;{action}。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;{title}{where}&lt;/b&gt;: {body}</source>
        <translation>&lt;b&gt;{title}{where}&lt;/b&gt;：{body}</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
</context>
<context>
    <name>NeuronView</name>
    <message>
        <location filename="../../nnstudio/gui/neuron_view.py" line="+172"/>
        <source>{node} unit {n}</source>
        <translation>{node} 神经元 {n}</translation>
    </message>
    <message>
        <location line="+125"/>
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
        <location filename="../../nnstudio/gui/canvas_items.py" line="+403"/>
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
        <location filename="../../nnstudio/gui/canvas_scene.py" line="+52"/>
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
        <location filename="../../nnstudio/gui/problems.py" line="+56"/>
        <source>Data: {0}</source>
        <translation>数据：{0}</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location filename="../../nnstudio/gui/replay.py" line="+104"/>
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
        <location line="+18"/>
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
        <location line="+3"/>
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
        <location filename="../../nnstudio/gui/training_panel.py" line="+216"/>
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
        <location filename="../../nnstudio/gui/plots.py" line="+213"/>
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
        <location line="+18"/>
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
        <location filename="../../nnstudio/gui/app.py" line="+80"/>
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
    <name>atomic_images</name>
    <message>
        <location filename="../../nnstudio/gui/atomic_images.py" line="+33"/>
        <source>Could not write the image &apos;{0}&apos;: use the extension .png or .jpg.</source>
        <translation>无法写入图像“{0}”：请使用扩展名 .png 或 .jpg。</translation>
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
        <translation>对每个通道在整幅图像上取平均：(通道, h, w) → (通道,)。</translation>
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
        <translation>关</translation>
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
        <location filename="../../nnstudio/gui/main_window.py" line="-417"/>
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
    <name>core</name>
    <message>
        <location filename="../../nnstudio/gui/core_strings.py" line="+14"/>
        <source> (allowed: {min} to {max})</source>
        <translation>（允许范围：{min} 到 {max}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (spanning {sh}x{sw} with dilation)</source>
        <translation>（膨胀后覆盖 {sh}x{sw}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;app&apos; is {app!r}: this file was not written by NN Studio</source>
        <translation>&apos;app&apos; 为 {app!r}：此文件不是由 NN Studio 写入的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;format_version&apos; must be a whole number, not {kind} ({value!r})</source>
        <translation>&apos;format_version&apos; 必须是整数，而不是{kind}（{value!r}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{action}&apos; is not an editing action</source>
        <translation>&apos;{action}&apos; 不是编辑操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{dst}&apos; ({layer}) already has {n} input (at most {most}); remove its connection first, or merge with an Add/Concatenate node.</source>
        <translation>&apos;{dst}&apos;（{layer}）已有 {n} 个输入（最多 {most} 个）；请先删除它的连接，或用 Add/Concatenate 节点合并。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{dst}&apos; ({layer}) already has {n} inputs (at most {most}); remove its connection first, or merge with an Add/Concatenate node.</source>
        <translation>&apos;{dst}&apos;（{layer}）已有 {n} 个输入（最多 {most} 个）；请先删除它的连接，或用 Add/Concatenate 节点合并。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{dst}&apos; is an input node and cannot receive connections; connect into a layer.</source>
        <translation>&apos;{dst}&apos; 是输入节点，不能接收连接；请连接到某个层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; (Input) {error}</source>
        <translation>&apos;{id}&apos;（输入）{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; ({layer}) cannot have inputs; remove the connections into it.</source>
        <translation>&apos;{id}&apos;（{layer}）不能有输入；请删除连到它的连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; ({layer}) has no input: connect a layer into it or delete it.</source>
        <translation>&apos;{id}&apos;（{layer}）没有输入：请把某个层连接到它，或删除它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; ({layer}) has {count} input but needs {need}: {fix}.</source>
        <translation>&apos;{id}&apos;（{layer}）有 {count} 个输入，但需要{need}：{fix}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; ({layer}) has {count} inputs but needs {need}: {fix}.</source>
        <translation>&apos;{id}&apos;（{layer}）有 {count} 个输入，但需要{need}：{fix}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; ({layer}) is not connected to the input: wire it into the network or delete it.</source>
        <translation>&apos;{id}&apos;（{layer}）没有连接到输入：请把它接入网络，或删除它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; ({layer}) {error} Inputs: {inputs}.</source>
        <translation>&apos;{id}&apos;（{layer}）{error} 输入：{inputs}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; has unknown layer kind {kind!r}; replace it with one of: {kinds}.</source>
        <translation>&apos;{id}&apos; 的层类型 {kind!r} 未知；请换成以下类型之一：{kinds}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; has {units} units but the dataset has {n} features: set its units to {n}.</source>
        <translation>&apos;{id}&apos; 有 {units} 个神经元，但数据集有 {n} 个特征：请把它的神经元数设为 {n}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{id}&apos; is not connected to any layer, so the network has no output: add a Dense layer after it.</source>
        <translation>&apos;{id}&apos; 没有连接任何层，因此网络没有输出：请在它后面添加一个全连接层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{key}&apos; in {member} must be {what}, not {kind}</source>
        <translation>{member} 中的 &apos;{key}&apos; 必须是{what}，而不是{kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; contains NaN or infinite values</source>
        <translation>&apos;{name}&apos; 含有 NaN 或无穷大的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; has dtype {dtype}; NN Studio supports {first} and {second} weights</source>
        <translation>&apos;{name}&apos; 的数据类型为 {dtype}；NN Studio 支持 {first} 和 {second} 权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; has shape {shape}, the network needs {needed}</source>
        <translation>&apos;{name}&apos; 的形状为 {shape}，网络需要 {needed}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is not an array</source>
        <translation>&apos;{name}&apos; 不是数组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is {value} but must be at least {min}{hint}.</source>
        <translation>&apos;{name}&apos; 为 {value}，但不能小于 {min}{hint}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is {value} but must be at most {max}{hint}.</source>
        <translation>&apos;{name}&apos; 为 {value}，但不能大于 {max}{hint}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is {value} but must be greater than {min}{hint}.</source>
        <translation>&apos;{name}&apos; 为 {value}，但必须大于 {min}{hint}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; is {value} but must be less than {max}{hint}.</source>
        <translation>&apos;{name}&apos; 为 {value}，但必须小于 {max}{hint}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; must be a finite number, got {value}.</source>
        <translation>&apos;{name}&apos; 必须是有限的数，实际为 {value}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; must be a number ({type}), got {value!r}.</source>
        <translation>&apos;{name}&apos; 必须是数字（{type}），实际为 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; must be a whole number, got {value!r}.</source>
        <translation>&apos;{name}&apos; 必须是整数，实际为 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; must be one of {allowed}; got {value!r}.</source>
        <translation>&apos;{name}&apos; 必须是 {allowed} 之一；实际为 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; must be true or false, got {value!r}.</source>
        <translation>&apos;{name}&apos; 必须是 true 或 false，实际为 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{name}&apos; would be overwritten by the description: name it &apos;{stem}.npz&apos;</source>
        <translation>&apos;{name}&apos; 会被描述文件覆盖：请将其命名为 &apos;{stem}.npz&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{out}&apos; ends in softmax and the loss is categorical cross-entropy: NN Studio fuses the two (it trains on the logits with a stable log-softmax, the softmax is applied once). The exported model outputs probabilities; if you train it elsewhere with a cross-entropy that expects logits (like torch.nn.CrossEntropyLoss), remove the softmax there.</source>
        <translation>&apos;{out}&apos; 以 softmax 结尾，损失函数是多类交叉熵：NN Studio 会把两者合在一起计算（在 logits 上用数值稳定的 log-softmax 训练，softmax 只算一次）。导出的模型输出概率；如果你在别处用要求 logits 的交叉熵（如 torch.nn.CrossEntropyLoss）训练它，请在那里去掉 softmax。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{out}&apos; ends in softmax, which cannot fit a regression target: use a linear activation.</source>
        <translation>&apos;{out}&apos; 以 softmax 结尾，无法拟合回归目标：请使用 linear 激活函数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{out}&apos; has {units} but the dataset has {n} classes: set its units to {n}.</source>
        <translation>&apos;{out}&apos; 有 {units}，但数据集有 {n} 个类别：请把它的神经元数设为 {n}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{src}&apos; cannot be connected to itself: that would make a cycle.</source>
        <translation>&apos;{src}&apos; 不能连接到自身：那会形成环。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;{src}&apos; is already connected to &apos;{dst}&apos;.</source>
        <translation>&apos;{src}&apos; 已经连接到 &apos;{dst}&apos;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; {hi}</source>
        <translation>&lt; {hi}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;= {hi}</source>
        <translation>&lt;= {hi}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt; {lo}</source>
        <translation>&gt; {lo}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt;= {lo}</source>
        <translation>&gt;= {lo}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt;= {lo} and &lt; {hi}</source>
        <translation>&gt;= {lo} 且 &lt; {hi}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&gt;= {lo} and &lt;= {hi}</source>
        <translation>&gt;= {lo} 且 &lt;= {hi}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Trainer needs its TrainConfig: build one with nnstudio.graph.train_config().</source>
        <translation>Trainer 需要一个 TrainConfig：请用 nnstudio.graph.train_config() 创建。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A connection refers to node {node!r}, which does not exist.</source>
        <translation>某个连接引用了节点 {node!r}，但它不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A feature-pair picture needs at least two raw features.</source>
        <translation>特征对图至少需要两个原始特征。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A multiclass output needs the number of classes (2 or more).</source>
        <translation>多类别输出需要知道类别数（2 个或更多）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A node with id &apos;{id}&apos; already exists.</source>
        <translation>id 为 &apos;{id}&apos; 的节点已存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A node with id &apos;{id}&apos; already exists; choose another id.</source>
        <translation>id 为 &apos;{id}&apos; 的节点已存在；请换一个 id。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A projection needs a table of at least two samples.</source>
        <translation>投影至少需要一个含两个样本的表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activation {name} needs its parameter {key!r}.</source>
        <translation>激活函数 {name} 需要参数 {key!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BatchNorm cannot train on a batch of one sample; give 2 or more.</source>
        <translation>批归一化层无法在只有一个样本的批次上训练；请至少给 2 个样本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BatchNorm needs batches of at least 2 samples, but {why}; raise the batch size (or add data), or remove the BatchNorm layer.</source>
        <translation>批归一化层需要每批至少 2 个样本，但{why}；请增大批大小（或增加数据），或者删除批归一化层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary cross-entropy needs exactly 1 output unit, the network has {k}; set the output units to 1 or use &apos;cce&apos; for several classes.</source>
        <translation>二元交叉熵需要恰好 1 个输出神经元，而网络有 {k} 个；请把输出神经元数设为 1，或在多个类别时使用 &apos;cce&apos;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary cross-entropy needs targets in [0, 1] (class labels 0 and 1).</source>
        <translation>二元交叉熵需要 [0, 1] 范围内的目标值（类别标签 0 和 1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV file</source>
        <translation>CSV 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV file not found: {path}. Check the path.</source>
        <translation>找不到 CSV 文件：{path}。请检查路径。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot create the cache folder {folder}: {error}.</source>
        <translation>无法创建缓存文件夹 {folder}：{error}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read the image {path}: {error}.</source>
        <translation>无法读取图像 {path}：{error}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read {path} as a CSV text file: {error}.</source>
        <translation>无法将 {path} 作为 CSV 文本文件读取：{error}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read {path} as a UTF-8 text file: {error}.</source>
        <translation>无法将 {path} 作为 UTF-8 文本文件读取：{error}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read {path}: {error}.</source>
        <translation>无法读取 {path}：{error}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read {path}: {error}; delete it and retry.</source>
        <translation>无法读取 {path}：{error}；请删除它后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot standardize an empty training split; add more rows.</source>
        <translation>训练集为空，无法标准化；请添加更多行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write to an empty path; give a file name</source>
        <translation>无法写入空路径；请给出文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {path}: {error}.</source>
        <translation>无法写入 {path}：{error}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {target}: it is a folder; give a file name</source>
        <translation>无法写入 {target}：它是一个文件夹；请给出文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {target}: the folder {folder} does not exist; create it first</source>
        <translation>无法写入 {target}：文件夹 {folder} 不存在；请先创建它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {target}: {reason}</source>
        <translation>无法写入 {target}：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write {target}: {reason}; choose a folder you can write to</source>
        <translation>无法写入 {target}：{reason}；请选择一个可写入的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categorical column &apos;{name}&apos; has no categories.</source>
        <translation>分类列 &apos;{name}&apos; 没有任何类别取值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categorical cross-entropy (cce) needs one output unit per class but &apos;{out}&apos; has {units}: set its units to {target}, or use bce with one sigmoid unit for two classes.</source>
        <translation>多类交叉熵（cce）需要每个类别一个输出神经元，但 &apos;{out}&apos; 有 {units}：请把它的神经元数设为 {target}；只有两个类别时也可以用 bce 加一个 sigmoid 神经元。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categorical cross-entropy needs integer labels (n,) or one-hot (n, {k}) targets, got shape {shape}.</source>
        <translation>多类交叉熵需要整数标签 (n,) 或 one-hot 目标值 (n, {k})，但得到的形状是 {shape}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categorical cross-entropy needs one output unit per class (at least 2); use &apos;bce&apos; for two classes with a single output.</source>
        <translation>多类交叉熵需要每个类别一个输出神经元（至少 2 个）；两个类别且只有一个输出时请使用 &apos;bce&apos;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one input feature among {features}.</source>
        <translation>请从 {features} 中至少选择一个输入特征。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose two different features for the picture.</source>
        <translation>请为该图选择两个不同的特征。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class labels go from {low} to {high} but the network has {k} outputs; set the output units to the number of classes.</source>
        <translation>类别标签从 {low} 到 {high}，但网络只有 {k} 个输出；请把输出神经元数设为类别数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class labels must be whole numbers 0, 1, 2, ...</source>
        <translation>类别标签必须是整数 0, 1, 2, ...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column &apos;{name}&apos;: unknown type {kind!r}; choose one of {kinds}.</source>
        <translation>列 &apos;{name}&apos;：未知类型 {kind!r}；请从 {kinds} 中选择。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column kinds must be among {kinds}.</source>
        <translation>列类型必须是 {kinds} 之一。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting &apos;{src}&apos; to &apos;{dst}&apos; would create a cycle (&apos;{dst}&apos; already feeds &apos;{src}&apos;); networks must flow one way from input to output.</source>
        <translation>把 &apos;{src}&apos; 连接到 &apos;{dst}&apos; 会形成环（&apos;{dst}&apos; 已经把数据送往 &apos;{src}&apos;）；网络中的数据必须从输入单向流到输出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cycle through {path}: data must flow one way from input to output; remove one of these connections.</source>
        <translation>存在环 {path}：数据必须从输入单向流到输出；请删除其中一个连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;column_types&apos; must map column names to {kinds}.</source>
        <translation>数据设置 &apos;column_types&apos; 必须把列名映射到 {kinds}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;csv_path&apos; must be a file path (text) or null.</source>
        <translation>数据设置 &apos;csv_path&apos; 必须是文件路径（文本）或 null。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;delimiter&apos; must be &apos;,&apos;, &apos;;&apos;, a tab or null (detect).</source>
        <translation>数据设置 &apos;delimiter&apos; 必须是 &apos;,&apos;、&apos;;&apos;、制表符或 null（自动检测）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;header&apos; must be true, false or null (detect).</source>
        <translation>数据设置 &apos;header&apos; 必须是 true、false 或 null（自动检测）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;image_folder&apos; must be a folder path (text) or null.</source>
        <translation>数据设置 &apos;image_folder&apos; 必须是文件夹路径（文本）或 null。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;missing&apos; is {value!r}; choose one of {policies}.</source>
        <translation>数据设置 &apos;missing&apos; 为 {value!r}；请从 {policies} 中选择。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;standardize&apos; must be true or false.</source>
        <translation>数据设置 &apos;standardize&apos; 必须是 true 或 false。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;target_column&apos; must be a column name, an index or null.</source>
        <translation>数据设置 &apos;target_column&apos; 必须是列名、列序号或 null。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;{name}&apos; is {value}; it must be between {lo} and {hi}.</source>
        <translation>数据设置 &apos;{name}&apos; 为 {value}；它必须在 {lo} 到 {hi} 之间。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;{name}&apos; must be a number, got {value!r}.</source>
        <translation>数据设置 &apos;{name}&apos; 必须是数字，实际为 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data setting &apos;{name}&apos; must be a whole number, got {value!r}.</source>
        <translation>数据设置 &apos;{name}&apos; 必须是整数，实际为 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data settings must be an object.</source>
        <translation>数据设置必须是一个对象。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download of {file} cancelled.</source>
        <translation>已取消下载 {file}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edge #{i} has unknown field(s): {fields}.</source>
        <translation>连接 #{i} 有未知字段：{fields}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edge #{i} must be an object with src and dst.</source>
        <translation>连接 #{i} 必须是包含 src 和 dst 的对象。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edge #{i}: slot must be a whole number &gt;= 0.</source>
        <translation>连接 #{i}：slot 必须是 &gt;= 0 的整数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineered features need 2 raw columns (n_raw = 2).</source>
        <translation>构造特征需要 2 个原始列（n_raw = 2）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineered features need 2-D points (n, 2); got shape {shape}. Use the raw columns for tables with more or fewer features.</source>
        <translation>构造特征需要二维点 (n, 2)；实际形状为 {shape}。对于特征多于或少于两个的表，请直接使用原始列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected {expected} features, got {n}.</source>
        <translation>应有 {expected} 个特征，实际为 {n} 个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected {expected} input columns, got {n}: give the same columns the network was trained on.</source>
        <translation>应有 {expected} 个输入列，实际为 {n} 个：请提供与网络训练时相同的列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature indices {i}, {j} are out of range for {n} raw features.</source>
        <translation>特征序号 {i}、{j} 超出了 {n} 个原始特征的范围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature {feature!r} is listed twice; list each feature once.</source>
        <translation>特征 {feature!r} 出现了两次；每个特征只能列出一次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradients are only computed in training mode.</source>
        <translation>只有在训练模式下才计算梯度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid resolution must be at least 2, got {resolution}.</source>
        <translation>网格分辨率至少为 2，实际为 {resolution}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Huber: the setting &apos;delta&apos; is missing (the catalog fills it).</source>
        <translation>Huber：缺少设置 &apos;delta&apos;（目录会自动填入）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IDX cannot hold {dtype} values.</source>
        <translation>IDX 无法存储 {dtype} 类型的值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image folder not found: {path}. Give a folder of class subfolders.</source>
        <translation>找不到图像文件夹：{path}。请给出一个按类别分子文件夹的文件夹。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input column {column} has a missing value, and the training data had none to learn a fill value from; give every value.</source>
        <translation>输入列 {column} 有缺失值，而训练数据中没有缺失值，无法得到填充值；请提供每一个值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input node {id!r} cannot have inputs.</source>
        <translation>输入节点 {id!r} 不能有输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input slot must be a whole number &gt;= 0, got {slot!r}.</source>
        <translation>输入槽必须是 &gt;= 0 的整数，实际为 {slot!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input {slot} of &apos;{dst}&apos; is already connected; disconnect it first.</source>
        <translation>&apos;{dst}&apos; 的输入 {slot} 已有连接；请先断开它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input {slot} of &apos;{dst}&apos; is connected twice.</source>
        <translation>&apos;{dst}&apos; 的输入 {slot} 被连接了两次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs have shape {shape} but the network expects (n, {want}) or (n, {width}); match the input node&apos;s units to the number of features.</source>
        <translation>输入的形状是 {shape}，但网络需要 (n, {want}) 或 (n, {width})；请让输入节点的神经元数与特征数一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs have shape {shape} but the network expects (n, {want}); match the input node&apos;s units to the number of features.</source>
        <translation>输入的形状是 {shape}，但网络需要 (n, {want})；请让输入节点的神经元数与特征数一致。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs must be a table (n_samples, n_columns); got {shape}.</source>
        <translation>输入必须是一个表 (n_samples, n_columns)；实际形状为 {shape}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid node id {id!r}: use letters, digits and underscores, starting with a letter (at most 64 characters), e.g. &apos;dense_1&apos;.</source>
        <translation>节点 id {id!r} 无效：请只用字母、数字和下划线，并以字母开头（最多 64 个字符），例如 &apos;dense_1&apos;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept the weights of epoch {epoch}, the best of this run ({score}).</source>
        <translation>已保留第 {epoch} 轮的权重，这是本次训练中最好的（{score}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept the weights the run started from ({score}): no epoch did better.</source>
        <translation>已保留本次训练开始时的权重（{score}）：没有任何轮次比它更好。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing-value policy must be one of {policies}.</source>
        <translation>缺失值策略必须是 {policies} 之一。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nesterov momentum needs momentum &gt; 0 and dampening = 0.</source>
        <translation>Nesterov 动量需要 momentum &gt; 0 且 dampening = 0。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No download is known for dataset {name!r}.</source>
        <translation>数据集 {name!r} 没有可用的下载源。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node #{i} has unknown field(s): {fields}.</source>
        <translation>节点 #{i} 有未知字段：{fields}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node #{i} lacks {fields}.</source>
        <translation>节点 #{i} 缺少 {fields}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node #{i} must be an object, got {type}.</source>
        <translation>节点 #{i} 必须是对象，实际为 {type}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node &apos;{id}&apos; has unknown layer kind {kind!r}; known kinds: {known}.</source>
        <translation>节点 &apos;{id}&apos; 的层类型 {kind!r} 未知；已知类型：{known}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node &apos;{id}&apos;: pos must be (x, y).</source>
        <translation>节点 &apos;{id}&apos;：pos 必须是 (x, y)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node &apos;{id}&apos;: pos must be [x, y].</source>
        <translation>节点 &apos;{id}&apos;：pos 必须是 [x, y]。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node &apos;{id}&apos;: pos must be two finite numbers, got {pos!r}.</source>
        <translation>节点 &apos;{id}&apos;：pos 必须是两个有限的数，实际为 {pos!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node id {id!r} must be a non-empty string without dots.</source>
        <translation>节点 id {id!r} 必须是不含点号的非空字符串。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r} ({kind}) lacks the parameter {key!r}; the graph fills every parameter from the catalog (nnstudio.graph.fill_node_params), pass a complete dict.</source>
        <translation>节点 {id!r}（{kind}）缺少参数 {key!r}；图会从目录填入所有参数（nnstudio.graph.fill_node_params），请传入完整的字典。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r} ({kind}) takes at least {n} input(s) but has {got}; connect it accordingly.</source>
        <translation>节点 {id!r}（{kind}）至少需要 {n} 个输入，但现在有 {got} 个；请相应地连接它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r} ({kind}) takes exactly {n} input(s) but has {got}; connect it accordingly.</source>
        <translation>节点 {id!r}（{kind}）需要恰好 {n} 个输入，但现在有 {got} 个；请相应地连接它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r} ({kind}) {error}</source>
        <translation>节点 {id!r}（{kind}）{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r} has no input; connect something into it.</source>
        <translation>节点 {id!r} 没有输入；请给它连接一个输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r} has unknown kind {kind!r}; use one of {kinds}.</source>
        <translation>节点 {id!r} 的类型 {kind!r} 未知；请使用以下之一：{kinds}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r} reads {src!r}, which is not an earlier node: give the nodes in topological order (nnstudio.graph.compile_spec does).</source>
        <translation>节点 {id!r} 读取 {src!r}，但它不是前面的节点：请按拓扑顺序给出节点（nnstudio.graph.compile_spec 会这样做）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r}: padding must be one of {choices}, got {value!r}.</source>
        <translation>节点 {id!r}：padding 必须是以下之一：{choices}，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r}: {key} must be a number, got {value!r}.</source>
        <translation>节点 {id!r}：{key} 必须是数字，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r}: {key} must be a whole number &gt;= {minimum}, got {value!r}.</source>
        <translation>节点 {id!r}：{key} 必须是 &gt;= {minimum} 的整数，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r}: {key} must be true or false, got {value!r}.</source>
        <translation>节点 {id!r}：{key} 必须是 true 或 false，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node {id!r}: {key} must be {range}, got {value!r}.</source>
        <translation>节点 {id!r}：{key} 必须 {range}，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor &apos;classes&apos; must be a list of class names.</source>
        <translation>预处理器的 &apos;classes&apos; 必须是类别名称列表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor &apos;features&apos; must be a list of names or null.</source>
        <translation>预处理器的 &apos;features&apos; 必须是名称列表或 null。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor &apos;mean&apos; and &apos;std&apos; have different lengths.</source>
        <translation>预处理器的 &apos;mean&apos; 和 &apos;std&apos; 长度不同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor &apos;n_raw&apos; must be a positive whole number.</source>
        <translation>预处理器的 &apos;n_raw&apos; 必须是正整数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor &apos;standardize&apos; must be true or false.</source>
        <translation>预处理器的 &apos;standardize&apos; 必须是 true 或 false。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor &apos;std&apos; values must be positive.</source>
        <translation>预处理器的 &apos;std&apos; 值必须为正数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor &apos;{name}&apos; must be a non-empty list of numbers.</source>
        <translation>预处理器的 &apos;{name}&apos; 必须是非空的数字列表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor &apos;{name}&apos; must hold finite numbers; got {value!r}.</source>
        <translation>预处理器的 &apos;{name}&apos; 只能包含有限数值；实际为 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor has {n} means for {width} features.</source>
        <translation>预处理器有 {n} 个均值，但特征有 {width} 个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor needs both &apos;mean&apos; and &apos;std&apos;, or neither.</source>
        <translation>预处理器需要同时有 &apos;mean&apos; 和 &apos;std&apos;，或者两者都没有。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preprocessor settings must be an object.</source>
        <translation>预处理器设置必须是一个对象。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading a folder of images needs Pillow, which is not installed: run pip install &apos;nnstudio[images]&apos; (or pip install pillow).</source>
        <translation>读取图像文件夹需要 Pillow，但它尚未安装：请运行 pip install &apos;nnstudio[images]&apos;（或 pip install pillow）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule cosine: eta_min must be &gt;= 0, got {value!r}.</source>
        <translation>学习率调度 cosine：eta_min 必须 &gt;= 0，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule cosine: t_max must be a whole number &gt;= 1, got {value!r}.</source>
        <translation>学习率调度 cosine：t_max 必须是 &gt;= 1 的整数，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule step: step_size must be a whole number &gt;= 1, got {value!r}.</source>
        <translation>学习率调度 step：step_size 必须是 &gt;= 1 的整数，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule {name}: gamma must be &gt; 0 and &lt;= 1, got {value!r}.</source>
        <translation>学习率调度 {name}：gamma 必须 &gt; 0 且 &lt;= 1，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule {name}: the setting {key!r} is missing; give every setting (nnstudio.graph.fill_training fills them from the catalog).</source>
        <translation>学习率调度 {name}：缺少设置 {key!r}；请给出所有设置（nnstudio.graph.fill_training 会从目录填入）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule {name}: the setting(s) {missing} are missing; give every setting (nnstudio.graph.fill_training fills them from the catalog).</source>
        <translation>学习率调度 {name}：缺少设置 {missing}；请给出所有设置（nnstudio.graph.fill_training 会从目录填入）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule {name}: unknown setting(s) {unknown}; allowed: {allowed}.</source>
        <translation>学习率调度 {name}：未知的设置 {unknown}；允许的设置：{allowed}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Splitting {n} points with train ratio {ratio} leaves one split empty: use more points or a ratio nearer 0.5.</source>
        <translation>以训练比例 {ratio} 划分 {n} 个点会使其中一部分为空：请使用更多的点，或使比例更接近 0.5。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target column index {index} is out of range: {file} has {n} columns (0 to {last}, or -1 for the last).</source>
        <translation>目标列序号 {index} 超出范围：{file} 有 {n} 列（0 到 {last}，或用 -1 表示最后一列）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target column must be a name or an index, got {target!r}.</source>
        <translation>目标列必须是列名或列序号，实际为 {target!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets contain NaN or infinity; clean the data first.</source>
        <translation>目标值中含有 NaN 或无穷大；请先清理数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets have shape {shape} but the network has {k} output(s); give (n,) or (n, {k}) targets or change the output units.</source>
        <translation>目标值的形状是 {shape}，但网络有 {k} 个输出；请给出 (n,) 或 (n, {k}) 的目标值，或者修改输出神经元数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Targets must be numbers.</source>
        <translation>目标值必须是数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The CSV dataset needs a file: set csv_path to a .csv file.</source>
        <translation>CSV 数据集需要一个文件：请把 csv_path 设为一个 .csv 文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundled dataset file {path} cannot be read ({error}); reinstall NN Studio.</source>
        <translation>无法读取内置数据集文件 {path}（{error}）；请重新安装 NN Studio。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundled dataset {name} is damaged; reinstall NN Studio.</source>
        <translation>内置数据集 {name} 已损坏；请重新安装 NN Studio。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cached {title} files do not hold {h}x{w} images with one label each; delete them from the cache folder and retry.</source>
        <translation>缓存中的 {title} 文件不是每张带一个标签的 {h}x{w} 图像；请从缓存文件夹中删除它们后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cached {title} labels are out of range; delete and retry.</source>
        <translation>缓存中的 {title} 标签超出范围；请删除后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection {src!r} -&gt; {dst!r} refers to a node that does not exist; delete it.</source>
        <translation>连接 {src!r} → {dst!r} 引用了不存在的节点；请删除它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dataset has 1 target but &apos;{out}&apos; has {units}: set its units to 1.</source>
        <translation>数据集只有 1 个目标值，但 &apos;{out}&apos; 有 {units}：请把它的神经元数设为 1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image folder dataset needs a folder: set image_folder.</source>
        <translation>图像文件夹数据集需要一个文件夹：请设置 image_folder。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The input node must come first.</source>
        <translation>输入节点必须排在最前面。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The loss {loss} is for classification but the dataset is a regression task: use mse, mae or huber.</source>
        <translation>损失函数 {loss} 用于分类，但数据集是回归任务：请使用 mse、mae 或 huber。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network has no input node: add an Input node from the palette and connect it to the first layer.</source>
        <translation>网络没有输入节点：请从“层”面板添加一个输入节点，并把它连接到第一层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network has {n} input nodes ({ids}); keep one and delete the others.</source>
        <translation>网络有 {n} 个输入节点（{ids}）；请保留一个，删除其余的。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network has {n} outputs ({ids}) but needs exactly one: merge the branches with Add or Concatenate, or delete the extra ones.</source>
        <translation>网络有 {n} 个输出（{ids}），但只能有一个：请用 Add 或 Concatenate 合并这些分支，或删除多余的分支。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network has {n} problems:</source>
        <translation>网络有 {n} 个问题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network has {n} problems: {problems}</source>
        <translation>网络有 {n} 个问题：{problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network must be a JSON object, got {type}.</source>
        <translation>网络必须是 JSON 对象，实际为 {type}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network needs a &apos;nodes&apos; list.</source>
        <translation>网络需要一个 &apos;nodes&apos; 列表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network needs exactly one input node, it has {n}.</source>
        <translation>网络需要恰好一个输入节点，而现在有 {n} 个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network needs exactly one output (a node nothing reads from); it has {n}: {ids}.</source>
        <translation>网络需要恰好一个输出（没有其他节点读取它的节点）；现在有 {n} 个：{ids}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network needs exactly one output layer before its output can be fitted (it has {n}).</source>
        <translation>网络必须正好有一个输出层，才能调整它的输出（现在有 {n} 个）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network&apos;s &apos;edges&apos; must be a list.</source>
        <translation>网络的 &apos;edges&apos; 必须是列表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The output layer &apos;{out}&apos; is a {kind} layer: add a dense output layer so that its units and activation can be set.</source>
        <translation>输出层 &apos;{out}&apos; 是 {kind} 层：请添加一个全连接（dense）输出层，以便设置它的神经元数和激活函数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The output node must come last.</source>
        <translation>输出节点必须排在最后。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The preprocessor is not fitted yet; call fit() first.</source>
        <translation>预处理器尚未拟合；请先调用 fit()。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The softmax of &apos;{source}&apos; is followed by {between}, so the output is not the softmax itself and categorical cross-entropy would apply a second softmax: move the softmax after {between} (or delete {between}).</source>
        <translation>&apos;{source}&apos; 的 softmax 后面还有 {between}，所以输出不是 softmax 本身，多类交叉熵会再做一次 softmax：请把 softmax 移到 {between} 之后（或删除 {between}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table encoding is malformed ({error}).</source>
        <translation>表格编码格式有误（{error}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table encoding must be an object.</source>
        <translation>表格编码必须是一个对象。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table encoding needs class names exactly for classification.</source>
        <translation>表格编码必须且仅在分类任务中包含类别名称。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table encoding&apos;s columns, kinds and target do not match.</source>
        <translation>表格编码的列、列类型和目标列互不匹配。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The table encoding&apos;s delimiter must be a comma, semicolon or tab.</source>
        <translation>表格编码的分隔符必须是逗号、分号或制表符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target column &apos;{name}&apos; cannot be ignored.</source>
        <translation>目标列 &apos;{name}&apos; 不能被忽略。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target column &apos;{name}&apos; has a single value ({value}); a model cannot learn from it. Choose another target column.</source>
        <translation>目标列 &apos;{name}&apos; 只有一个取值（{value}）；模型无法从中学习。请选择另一个目标列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target column &apos;{name}&apos; has {n} classes; at most {max} are supported. Choose another target column.</source>
        <translation>目标列 &apos;{name}&apos; 有 {n} 个类别；最多支持 {max} 个。请选择另一个目标列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target column &apos;{name}&apos; holds text; it can only be a class column.</source>
        <translation>目标列 &apos;{name}&apos; 包含文本；它只能作为类别列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The training split is empty; add data or raise the train ratio.</source>
        <translation>训练集为空；请增加数据或提高训练集比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The weights do not match this network: {problems}. Load weights saved from a network with the same layers, ids and sizes.</source>
        <translation>权重与这个网络不匹配：{problems}。请加载由层、id 和大小都相同的网络保存的权重。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The weights of the last finite step were kept.</source>
        <translation>已保留最后一个有限值步骤的权重。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {n} training samples leave a last batch of one, which BatchNorm cannot train on: each epoch uses {used} samples (a different one is left out each epoch). Change the batch size to use them all.</source>
        <translation>{n} 个训练样本分批后最后一批只剩一个样本，批归一化层无法在它上面训练：每个轮次使用 {used} 个样本（每轮留出不同的一个）。修改批大小即可全部用上。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no connection from &apos;{src}&apos; to &apos;{dst}&apos;.</source>
        <translation>不存在从 &apos;{src}&apos; 到 &apos;{dst}&apos; 的连接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no node &apos;{id}&apos; in the network.</source>
        <translation>网络中没有节点 &apos;{id}&apos;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training setting(s) {missing} missing; give every setting (nnstudio.graph.fill_training fills them from the catalog).</source>
        <translation>缺少训练设置 {missing}；请给出所有设置（nnstudio.graph.fill_training 会从目录填入）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training settings must be a mapping of names to values.</source>
        <translation>训练设置必须是从名称到取值的映射。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training settings must be a mapping, got {type}.</source>
        <translation>训练设置必须是映射（mapping），实际为 {type}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training {where}: {what}. {kept} Lower the learning rate (now {lr:g}; try {lower:g}) or turn on gradient clipping, and check that the inputs are scaled.</source>
        <translation>训练{where}：{what}。{kept}请降低学习率（当前 {lr:g}；可试试 {lower:g}）或开启梯度裁剪，并检查输入是否已缩放。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training {where}: {what}. {kept} Lower the learning rate (now {lr:g}; try {lower:g}), and check that the inputs are scaled.</source>
        <translation>训练{where}：{what}。{kept}请降低学习率（当前 {lr:g}；可试试 {lower:g}），并检查输入是否已缩放。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two nodes have the id &apos;{id}&apos;.</source>
        <translation>有两个节点的 id 都是 &apos;{id}&apos;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two nodes have the id {id!r}; give every node its own id.</source>
        <translation>有两个节点的 id 都是 {id!r}；请给每个节点不同的 id。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown activation {name!r}; choose one of: {known}.</source>
        <translation>未知的激活函数 {name!r}；请从以下选择一个：{known}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown bundled dataset {name!r}; choose one of {datasets}.</source>
        <translation>未知的内置数据集 {name!r}；请从 {datasets} 中选择。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown data setting(s): {unknown}; known: {known}.</source>
        <translation>未知的数据设置：{unknown}；可用的有：{known}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown dataset {name!r}; choose one of {datasets}.</source>
        <translation>未知的数据集 {name!r}；请从 {datasets} 中选择。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown delimiter {delimiter!r}: use a comma, a semicolon or a tab.</source>
        <translation>未知的分隔符 {delimiter!r}：请使用逗号、分号或制表符。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown feature {feature!r}; choose among {features}.</source>
        <translation>未知的特征 {feature!r}；请从 {features} 中选择。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown initializer {name!r}. Choose &apos;auto&apos; or one of: {choices}.</source>
        <translation>未知的初始化方法 {name!r}。请选择 &apos;auto&apos; 或以下之一：{choices}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown initializer {name!r}. Choose one of: {choices}.</source>
        <translation>未知的初始化方法 {name!r}。请选择以下之一：{choices}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown layer kind {kind!r}; known kinds: {known}.</source>
        <translation>未知的层类型 {kind!r}；已知类型：{known}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown loss {loss!r}; choose one of {known}.</source>
        <translation>未知的损失函数 {loss!r}；请从 {known} 中选择一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown loss {name!r}. Choose one of: {choices}.</source>
        <translation>未知的损失函数 {name!r}。请选择以下之一：{choices}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown loss {name!r}; choose one of: {known}.</source>
        <translation>未知的损失函数 {name!r}；请从以下选择一个：{known}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown missing-value policy {missing!r}; choose one of {policies}.</source>
        <translation>未知的缺失值策略 {missing!r}；请从 {policies} 中选择。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown network field(s): {fields}.</source>
        <translation>未知的网络字段：{fields}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown optimizer {name!r}. Choose one of: {choices}.</source>
        <translation>未知的优化器 {name!r}。请选择以下之一：{choices}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown optimizer {name!r}; choose one of: {known}.</source>
        <translation>未知的优化器 {name!r}；请从以下选择一个：{known}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown parameter table {table!r}; use layer, activation, loss, optimizer or schedule.</source>
        <translation>未知的参数表 {table!r}；请使用 layer、activation、loss、optimizer 或 schedule。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown preprocessor field(s): {fields}.</source>
        <translation>未知的预处理器字段：{fields}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown schedule {name!r}. Choose one of: {choices}.</source>
        <translation>未知的学习率调度 {name!r}。请选择以下之一：{choices}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown schedule {name!r}; choose one of: {known}.</source>
        <translation>未知的学习率调度 {name!r}；请从以下选择一个：{known}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown task {task!r} in the table encoding.</source>
        <translation>表格编码中的任务 {task!r} 未知。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown task {task!r}: use binary, multiclass or regression.</source>
        <translation>未知的任务 {task!r}：请使用 binary、multiclass 或 regression。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown training setting(s): {unknown}. Known: {known}.</source>
        <translation>未知的训练设置：{unknown}。已知的设置：{known}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown {what} {name!r}. Choose one of: {choices}.</source>
        <translation>未知的{what} {name!r}。请选择以下之一：{choices}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With cce the output &apos;{out}&apos; must end in softmax (or linear logits), not {act}: change its activation to softmax.</source>
        <translation>使用 cce 时，输出 &apos;{out}&apos; 必须以 softmax（或 linear 的 logits）结尾，而不是 {act}：请把它的激活函数改为 softmax。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With {loss} the output &apos;{out}&apos; must use {want}, not {act}: change its activation to {want} ({alt}).</source>
        <translation>使用 {loss} 时，输出 &apos;{out}&apos; 必须用 {want}，而不是 {act}：请把它的激活函数改为 {want}（{alt}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a decision surface needs 2-D data; this dataset is not 2-D</source>
        <translation>决策边界需要二维数据；这个数据集不是二维的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activation &apos;{name}&apos; cannot be exported to ONNX</source>
        <translation>激活函数 &apos;{name}&apos; 无法导出为 ONNX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activation &apos;{name}&apos; cannot be exported to PyTorch</source>
        <translation>激活函数 &apos;{name}&apos; 无法导出为 PyTorch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activation {name}</source>
        <translation>激活函数 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object (the dataset settings)</source>
        <translation>对象（数据集设置）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object (the network description)</source>
        <translation>对象（网络描述）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object (the training settings)</source>
        <translation>对象（训练设置）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object or null</source>
        <translation>对象或 null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at least {n}</source>
        <translation>至少 {n} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch_size must be a whole number &gt;= 1 (or None for full batch), got {value!r}.</source>
        <translation>batch_size 必须是 &gt;= 1 的整数（或 None 表示整批），但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>building this network</source>
        <translation>构建这个网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot create the folder &apos;{folder}&apos;: {reason}</source>
        <translation>无法创建文件夹 &apos;{folder}&apos;：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot export the training: {error}</source>
        <translation>无法导出训练：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot export: the network cannot be built ({error})</source>
        <translation>无法导出：无法构建网络（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot export: the network is invalid:
  {problems}
Fix the network, then export again.</source>
        <translation>无法导出：网络无效：
  {problems}
请修正网络后再导出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot export: the project&apos;s data cannot be prepared ({error})</source>
        <translation>无法导出：无法准备项目的数据（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot import weights: the network is not valid ({error}); fix the network first</source>
        <translation>无法导入权重：网络无效（{error}）；请先修正网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the lesson {path}: {error}</source>
        <translation>无法读取课程 {path}：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read weights file {path}: it is not a valid .npz archive of float arrays ({error})</source>
        <translation>无法读取权重文件 {path}：它不是有效的浮点数组 .npz 归档（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read weights file {path}: it is not a valid .safetensors file ({error})</source>
        <translation>无法读取权重文件 {path}：它不是有效的 .safetensors 文件（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read weights file {path}: {reason}</source>
        <translation>无法读取权重文件 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read weights from &apos;{name}&apos;: it is neither a .npz nor a .safetensors file</source>
        <translation>无法从 &apos;{name}&apos; 读取权重：它既不是 .npz 文件也不是 .safetensors 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot reshape {shape} ({size} values) to {target} ({n} values); make channels x height x width = {size}.</source>
        <translation>无法把 {shape}（{size} 个值）变形为 {target}（{n} 个值）；请让 通道数 x 高度 x 宽度 = {size}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot save project &apos;{name}&apos;: {error}</source>
        <translation>无法保存项目 &apos;{name}&apos;：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot save weight &apos;{name}&apos;: dtype {dtype}; NN Studio stores {supported} weights</source>
        <translation>无法保存权重 &apos;{name}&apos;：数据类型为 {dtype}；NN Studio 只保存 {supported} 权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write &apos;{path}&apos;: it is a folder; give a file name</source>
        <translation>无法写入 &apos;{path}&apos;：它是一个文件夹；请给出文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write &apos;{path}&apos;: the folder &apos;{folder}&apos; does not exist; create it first</source>
        <translation>无法写入 &apos;{path}&apos;：文件夹 &apos;{folder}&apos; 不存在；请先创建它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write &apos;{path}&apos;: the folder &apos;{folder}&apos; is not writable; choose a folder you can write to</source>
        <translation>无法写入 &apos;{path}&apos;：文件夹 &apos;{folder}&apos; 不可写；请选择一个可写入的文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot write the training folder &apos;{folder}&apos;: it is a file</source>
        <translation>无法写入训练文件夹 &apos;{folder}&apos;：它是一个文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clip_norm must be a number &gt; 0 (or None), got {value!r}.</source>
        <translation>clip_norm 必须是 &gt; 0 的数字（或 None），但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connect another layer into it</source>
        <translation>请再把一个层连接到它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not download {title} (no network?): {reason}. The app stays usable; choose another dataset, or put the files in {folder} (set {variable} to use another folder).</source>
        <translation>无法下载 {title}（没有网络？）：{reason}。应用仍可正常使用；请选择其他数据集，或把文件放到 {folder}（设置 {variable} 可改用其他文件夹）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not download {title}: {url} answered {code} {reason}. Try again later or choose another dataset.</source>
        <translation>无法下载 {title}：{url} 返回 {code} {reason}。请稍后重试，或选择其他数据集。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cross-entropy over {n} classes expects softmax or linear outputs, not {act}</source>
        <translation>{n} 个类别的交叉熵要求输出为 softmax 或 linear，而不是 {act}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>degraded at epoch {epoch}</source>
        <translation>在第 {epoch} 轮退化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>diverged at epoch {epoch}, step {step}</source>
        <translation>在第 {epoch} 轮第 {step} 步发散</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dtype must be &apos;float32&apos; or &apos;float64&apos;, got {value!r}.</source>
        <translation>dtype 必须是 &apos;float32&apos; 或 &apos;float64&apos;，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>engineered features need 2 raw inputs (x1, x2) but the data has {n_raw}; use the plain columns instead</source>
        <translation>构造特征需要 2 个原始输入（x1, x2），但数据有 {n_raw} 个；请改用原始列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>epochs must be a whole number &gt;= 0 (or None for unlimited), got {value!r}.</source>
        <translation>epochs 必须是 &gt;= 0 的整数（或 None 表示不限），但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exactly {n}</source>
        <translation>正好 {n} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exporting needs a folder</source>
        <translation>导出需要一个文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fewer units or layers</source>
        <translation>更少的神经元或层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fewer units or layers, or a smaller batch size</source>
        <translation>更少的神经元或层，或更小的批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grid resolution must be at least 2, got {n}</source>
        <translation>网格分辨率至少为 2，但得到的是 {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has a {kh}x{kw} kernel{span} larger than its {h}x{w} input after padding; use a smaller kernel, padding or a larger input.</source>
        <translation>的 {kh}x{kw} 卷积核{span}比填充后的 {h}x{w} 输入还大；请使用更小的卷积核、填充或更大的输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has a {kh}x{kw} kernel{span} larger than its {h}x{w} input; use a smaller kernel, padding or a larger input.</source>
        <translation>的 {kh}x{kw} 卷积核{span}比它的 {h}x{w} 输入还大；请使用更小的卷积核、填充或更大的输入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has height {h} and width {w}: set both for an image input, or both to 0 for flat features.</source>
        <translation>的高度为 {h}、宽度为 {w}：图像输入需要同时设置两者，平铺特征则把两者都设为 0。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>has {units} features but its image is {c} x {h} x {w} = {size} values; set Features to {size} or change the image size.</source>
        <translation>有 {units} 个特征，但它的图像是 {c} x {h} x {w} = {size} 个值；请把特征设为 {size}，或修改图像大小。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input features have standard deviations from {small:.3g} to {big:.3g} and means up to {mean:.3g} in size</source>
        <translation>输入特征的标准差从 {small:.3g} 到 {big:.3g} 不等，均值的绝对值最大达 {mean:.3g}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input file</source>
        <translation>输入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input node &apos;{id}&apos; expects {units} features but the preprocessing gives {n_features}</source>
        <translation>输入节点 &apos;{id}&apos; 需要 {units} 个特征，但预处理给出 {n_features} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid &apos;{section}&apos; settings: {error}</source>
        <translation>&apos;{section}&apos; 设置无效：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid layer parameter: {error}</source>
        <translation>层参数无效：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid network: {error}</source>
        <translation>网络无效：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>joins inputs along the first axis, so the other dimensions must agree, but gets {shapes}.</source>
        <translation>沿第一个维度拼接输入，因此其他维度必须一致，但得到的是 {shapes}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>judge by per-class recall (confusion matrix), gather or resample the small classes</source>
        <translation>按每个类别的召回率（混淆矩阵）来评判；为小类别收集更多样本或重新采样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel size</source>
        <translation>卷积核大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layer outputs {size}</source>
        <translation>层输出 {size}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>learning_rate must be a number &gt; 0, got {value!r}.</source>
        <translation>learning_rate 必须是 &gt; 0 的数字，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lesson &apos;{id}&apos; has no file &apos;{name}&apos; in {folder}</source>
        <translation>课程 &apos;{id}&apos; 在 {folder} 中没有文件 &apos;{name}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss must be one of {choices}, got {value!r}.</source>
        <translation>loss 必须是以下之一：{choices}，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss {name}</source>
        <translation>损失函数 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss_params.delta must be a number &gt; 0, got {value!r}.</source>
        <translation>loss_params.delta 必须是 &gt; 0 的数字，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss_params: {unknown} not used by loss {name!r} (allowed: {allowed}).</source>
        <translation>loss_params：损失函数 {name!r} 不使用 {unknown}（允许的有：{allowed}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss_params: {unknown} not used by loss {name!r}.</source>
        <translation>loss_params：损失函数 {name!r} 不使用 {unknown}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lower the learning rate (now {lr:g}; try {new:g})</source>
        <translation>降低学习率（当前为 {lr:g}；试试 {new:g}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>make the output activation linear</source>
        <translation>把输出的激活函数改为 linear</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>make the output activation linear (or use the loss bce)</source>
        <translation>把输出的激活函数改为 linear（或改用损失函数 bce）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>make the output activation softmax</source>
        <translation>把输出的激活函数改为 softmax</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing tensor &apos;{name}&apos; (shape {shape})</source>
        <translation>缺少张量 &apos;{name}&apos;（形状 {shape}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing weight &apos;{name}&apos; (expected shape {shape})</source>
        <translation>缺少权重 &apos;{name}&apos;（应为形状 {shape}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing {name!r}</source>
        <translation>缺少 {name!r}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs a flat input (features,) but gets shape {shape}; insert a Flatten layer before it.</source>
        <translation>需要平铺的输入 (特征,)，但得到的形状是 {shape}；请在它前面插入一个展平层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs inputs of the same shape but gets {shapes}: give them the same number of units, or use Concatenate.</source>
        <translation>需要形状相同的输入，但得到的是 {shapes}：请让它们的神经元数相同，或改用拼接。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>needs {what} input (channels, height, width) but gets shape {shape}; set the Input node&apos;s channels, height and width, or add a Reshape before it.</source>
        <translation>需要{what}输入 (通道, 高度, 宽度)，但得到的形状是 {shape}；请设置输入节点的通道数、高度和宽度，或在它前面添加一个变形层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network is untrained: exporting its initial weights</source>
        <translation>网络尚未训练：导出其初始权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node &apos;{id}&apos; has kind &apos;{kind}&apos;, which cannot be exported</source>
        <translation>节点 &apos;{id}&apos; 的类型为 &apos;{kind}&apos;，无法导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>node &apos;{id}&apos; has kind &apos;{kind}&apos;, which cannot be exported; replace it with a supported layer</source>
        <translation>节点 &apos;{id}&apos; 的类型为 &apos;{kind}&apos;，无法导出；请换成支持的层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not an NN Studio project: the file is not a zip archive or is damaged</source>
        <translation>不是 NN Studio 项目：该文件不是 zip 归档或已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>op &apos;{op}&apos; cannot be exported to ONNX</source>
        <translation>运算 &apos;{op}&apos; 无法导出为 ONNX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>op &apos;{op}&apos; cannot be exported to PyTorch</source>
        <translation>运算 &apos;{op}&apos; 无法导出为 PyTorch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open_project needs its lesson</source>
        <translation>open_project 需要它所属的课程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimizer must be one of {choices}, got {value!r}.</source>
        <translation>optimizer 必须是以下之一：{choices}，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimizer state {size}</source>
        <translation>优化器状态 {size}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimizer {name}</source>
        <translation>优化器 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optimizer: &apos;betas&apos; must be two numbers, got {betas!r}.</source>
        <translation>优化器：&apos;betas&apos; 必须是两个数，实际为 {betas!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>or use bce with a sigmoid output</source>
        <translation>或改用 bce 并使用 sigmoid 输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>or use bce_logits with a linear output</source>
        <translation>或改用 bce_logits 并使用 linear 输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>padding must be &apos;valid&apos;, &apos;same&apos;, a whole number or a pair, got {value!r}.</source>
        <translation>padding 必须是 &apos;valid&apos;、&apos;same&apos;、一个整数或一对整数，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pads {pad} on each side, more than half its pool size {k}; use a padding of at most {most}.</source>
        <translation>每边填充 {pad}，超过了池化大小 {k} 的一半；填充最多为 {most}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parameters must be a mapping, got {type}.</source>
        <translation>参数必须是映射（mapping），实际为 {type}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>predictions</source>
        <translation>预测结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>preprocessor mean of feature {i} is {value!r}; it must be a finite number between -{max:g} and {max:g} (retrain to refit it)</source>
        <translation>预处理器中特征 {i} 的均值为 {value!r}；它必须是 -{max:g} 到 {max:g} 之间的有限数（重新训练以重新拟合）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>preprocessor standard deviation of feature {i} is {value!r}; it must be above {min:g} and at most {max:g} (retrain to refit it)</source>
        <translation>预处理器中特征 {i} 的标准差为 {value!r}；它必须大于 {min:g} 且不超过 {max:g}（重新训练以重新拟合）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>probabilities exist only for classification projects</source>
        <translation>只有分类项目才有概率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>project &apos;{name}&apos; is not trained (it holds no weights); train it first, e.g. nnstudio train PROJECT</source>
        <translation>项目 &apos;{name}&apos; 还没有训练（没有权重）；请先训练，例如 nnstudio train PROJECT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>project file</source>
        <translation>项目文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>project file not found: {path}</source>
        <translation>找不到项目文件：{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>raise the learning rate (now {lr:g}; try {new:g})</source>
        <translation>提高学习率（当前为 {lr:g}；试试 {new:g}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reading .safetensors needs the &apos;safetensors&apos; package: pip install safetensors</source>
        <translation>读取 .safetensors 需要 &apos;safetensors&apos; 包：pip install safetensors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refusing to write the {what} to {target}: it is the {label} {source} (a hard link to it), which would be destroyed; choose another file name</source>
        <translation>拒绝将{what}写入 {target}：它就是{label} {source}（的硬链接），写入会毁掉它；请换一个文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refusing to write the {what} to {target}: it is the {label} {source}, which would be destroyed; choose another file name</source>
        <translation>拒绝将{what}写入 {target}：它就是{label} {source}，写入会毁掉它；请换一个文件名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refusing to write {target}: it is the input file {input}; choose another output file</source>
        <translation>拒绝写入 {target}：它就是输入文件 {input}；请选择另一个输出文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove the extra connections (merge them first with Add or Concatenate)</source>
        <translation>请删除多余的连接（先用 Add 或 Concatenate 把它们合并）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restore the best weights; add L2 or dropout, use a smaller network or more data</source>
        <translation>恢复最佳权重；加入 L2 或随机失活，使用更小的网络或更多数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scale the inputs to similar ranges</source>
        <translation>把输入缩放到相近的范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>schedule {name}</source>
        <translation>学习率调度 {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed must be a whole number &gt;= 0, got {value!r}.</source>
        <translation>seed 必须是 &gt;= 0 的整数，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standardize the inputs</source>
        <translation>标准化输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standardize the inputs, lower the learning rate, or use relu</source>
        <translation>标准化输入、降低学习率，或使用 relu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text (the project&apos;s name)</source>
        <translation>文本（项目名称）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the &apos;{section}&apos; section is malformed ({error})</source>
        <translation>&apos;{section}&apos; 部分格式错误（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the IDX file</source>
        <translation>该 IDX 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the PyTorch export writes Python code: name it &apos;{stem}.py&apos;</source>
        <translation>PyTorch 导出写的是 Python 代码：请将其命名为 &apos;{stem}.py&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the batch size is 1</source>
        <translation>批大小为 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the dataset</source>
        <translation>该数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the document</source>
        <translation>整个文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file has no {member}; it is not an NN Studio project (or it is damaged)</source>
        <translation>该文件没有 {member}；它不是 NN Studio 项目（或已损坏）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file holds the member {member!r} twice; it is damaged or was not written by NN Studio</source>
        <translation>该文件包含两次成员 {member!r}；它已损坏或不是由 NN Studio 写入的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file holds weights but its network is not valid ({error}); fix the network and retrain</source>
        <translation>该文件包含权重，但其网络无效（{error}）；请修正网络并重新训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the gradient became infinite or NaN</source>
        <translation>梯度变成了无穷大或 NaN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the gradient norm of {first} is {g0:.3g}, {ratio:.2g} times that of the last layer {last} ({g1:.3g})</source>
        <translation>{first} 的梯度范数为 {g0:.3g}，是最后一层 {last}（{g1:.3g}）的 {ratio:.2g} 倍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the gradient norm of {layer} is {norm:.3g}</source>
        <translation>{layer} 的梯度范数为 {norm:.3g}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the largest class has {hi} training samples and the smallest {lo}; always predicting the largest is {share:.0%} accurate</source>
        <translation>最大的类别有 {hi} 个训练样本，最小的只有 {lo} 个；一直预测最大的类别就能达到 {share:.0%} 的准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the largest weight is {w:.3g}: the weights are growing without bound</source>
        <translation>最大的权重为 {w:.3g}：权重在无限制地增长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the loss &apos;{loss}&apos; cannot be exported to a PyTorch training script</source>
        <translation>损失函数 &apos;{loss}&apos; 无法导出到 PyTorch 训练脚本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the loss bce_logits applies a sigmoid itself, but the output already has one</source>
        <translation>损失函数 bce_logits 自己会做 sigmoid，但输出已经有一个 sigmoid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the loss became infinite or NaN</source>
        <translation>损失变成了无穷大或 NaN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network cannot be compiled to check its weights ({error})</source>
        <translation>无法编译网络来检查其权重（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network cannot be exported: {problems}</source>
        <translation>网络无法导出：{problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network has no weight array named &apos;{name}&apos;</source>
        <translation>网络中没有名为 &apos;{name}&apos; 的权重数组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network has {needed} trainable parameters but the weights hold {given}</source>
        <translation>网络有 {needed} 个可训练参数，但权重只有 {given} 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the network uses an unknown layer kind: {error} (was it made by a newer NN Studio?)</source>
        <translation>网络使用了未知的层类型：{error}（是否由更新版本的 NN Studio 创建？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the optimizer &apos;{name}&apos; cannot be exported to PyTorch</source>
        <translation>优化器 &apos;{name}&apos; 无法导出到 PyTorch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the project file is damaged and cannot be unpacked ({kind}: {error}); restore it from a backup</source>
        <translation>项目文件已损坏，无法解压（{kind}: {error}）；请从备份恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the project&apos;s preprocessing description is not a mapping ({kind}); retrain the network to rebuild it</source>
        <translation>项目的预处理描述不是映射（{kind}）；请重新训练网络以重建它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the run stopped: {reason}</source>
        <translation>训练已停止：{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the standardization std contains zeros; retrain the network</source>
        <translation>标准化的标准差含有零；请重新训练网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the standardization {name} has {n} values but there are {n_features} features; retrain the network to rebuild it</source>
        <translation>标准化的 {name} 有 {n} 个值，但特征有 {n_features} 个；请重新训练网络以重建它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the stored weights do not match the network: {problems}</source>
        <translation>保存的权重与网络不匹配：{problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the targets range over [{lo:.3g}, {hi:.3g}] but a {act} output only gives values in [{low:g}, {high:g}]</source>
        <translation>目标值的范围是 [{lo:.3g}, {hi:.3g}]，但 {act} 输出只能给出 [{low:g}, {high:g}] 内的值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the test loss became infinite or NaN</source>
        <translation>测试损失变成了无穷大或 NaN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the test loss rose from {best:.4g} (epoch {epoch}) to {last:.4g} while the training loss fell from {train_best:.4g} to {train_last:.4g}</source>
        <translation>测试损失从 {best:.4g}（第 {epoch} 轮）升到了 {last:.4g}，而训练损失从 {train_best:.4g} 降到了 {train_last:.4g}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the training loss ended at {last:.4g}, above where it started ({first:.4g}) and {times:.3g} times its best ({best:.4g})</source>
        <translation>训练损失最后为 {last:.4g}，高于起始值（{first:.4g}），是其最佳值（{best:.4g}）的 {times:.3g} 倍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the training loss fell only {drop:.1%} in {n} epochs ({first:.4g} -&gt; {last:.4g}), but steadily</source>
        <translation>训练损失在 {n} 个轮次中只下降了 {drop:.1%}（{first:.4g} → {last:.4g}），但一直在稳定下降</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the training loss has stayed at {last:.4g} for the last {n} epochs (changed {change:.2%}), still {kept:.0%} of where it started</source>
        <translation>训练损失在最近 {n} 个轮次中一直停在 {last:.4g}（变化 {change:.2%}），仍为起始值的 {kept:.0%}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the training loss oscillates: over the last {n} epochs it changes direction {flips:.0%} of the time by {amplitude:.0%} of its size on average</source>
        <translation>训练损失在振荡：最近 {n} 个轮次中有 {flips:.0%} 的时候在改变方向，平均幅度为损失值的 {amplitude:.0%}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the training loss rose to {loss:.4g}, more than {factor:g} times its best ({low:.4g}) and more than a third of the way back to {start:.4g} (where the run started, or chance level if higher), for {n} epochs in a row</source>
        <translation>训练损失连续 {n} 个轮次升到 {loss:.4g}：超过其最佳值（{low:.4g}）的 {factor:g} 倍，且回升幅度超过从最佳值到 {start:.4g}（训练开始时的值；若随机猜测的水平更高则取后者）的三分之一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the training script template is missing ({path}): reinstall</source>
        <translation>缺少训练脚本模板（{path}）：请重新安装</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the training split has 1 sample</source>
        <translation>训练集只有 1 个样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the transfer of {file} broke off ({error})</source>
        <translation>{file} 的传输中断了（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the weights do not match the network (1 problem): {problems}</source>
        <translation>权重与网络不匹配（1 个问题）：{problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the weights do not match the network ({n} problems): {problems}</source>
        <translation>权重与网络不匹配（{n} 个问题）：{problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the weights do not match the network:
  {problems}</source>
        <translation>权重与网络不匹配：
  {problems}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the weights do not match the network: {problems}. Retrain the network or load matching weights.</source>
        <translation>权重与网络不匹配：{problems}。请重新训练网络或加载匹配的权重。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the weights grew to {w:.3g} (over {limit:g}, and more than {growth:g} times their size at the best epoch)</source>
        <translation>权重增长到 {w:.3g}（超过 {limit:g}，并且是最佳轮次时的 {growth:g} 倍以上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {format} export needs the whole project: use export_project</source>
        <translation>{format} 导出需要整个项目：请使用 export_project</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the {what} path is empty; give a path to write to</source>
        <translation>{what}路径为空；请给出要写入的路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this project was made by a newer NN Studio (file format {version}; this NN Studio {app} reads format {supported} and older): update NN Studio to open it</source>
        <translation>此项目由更新版本的 NN Studio 创建（文件格式 {version}；当前 NN Studio {app} 只能读取格式 {supported} 及更早的格式）：请更新 NN Studio 后再打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this project was made by a newer NN Studio ({made_by}) (file format {version}; this NN Studio {app} reads format {supported} and older): update NN Studio to open it</source>
        <translation>此项目由更新版本的 NN Studio（{made_by}）创建（文件格式 {version}；当前 NN Studio {app} 只能读取格式 {supported} 及更早的格式）：请更新 NN Studio 后再打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trained project</source>
        <translation>训练后的项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training this network</source>
        <translation>训练这个网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>try a larger learning rate, another optimizer (adam), or a larger network</source>
        <translation>试试更大的学习率、换一个优化器（adam），或使用更大的网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>turn on gradient clipping (norm 1) and lower the learning rate</source>
        <translation>开启梯度裁剪（范数 1）并降低学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected tensor &apos;{name}&apos;: the network has no such parameter</source>
        <translation>多余的张量 &apos;{name}&apos;：网络没有这个参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected weight &apos;{name}&apos; (no such parameter)</source>
        <translation>多余的权重 &apos;{name}&apos;（没有这个参数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected {name!r}</source>
        <translation>多余的 {name!r}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown activation &apos;{name}&apos;; choose one of {names}</source>
        <translation>未知的激活函数 &apos;{name}&apos;；请从 {names} 中选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown engineered feature(s) {unknown}; the known ones are {known}</source>
        <translation>未知的构造特征 {unknown}；已知的有 {known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown export format &apos;{format}&apos;; choose one of {formats}</source>
        <translation>未知的导出格式 &apos;{format}&apos;；请从 {formats} 中选择</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown file format version {version}; this NN Studio reads formats 1 to {supported}</source>
        <translation>未知的文件格式版本 {version}；当前 NN Studio 能读取格式 1 到 {supported}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown lesson &apos;{id}&apos;; the lessons are: {known}</source>
        <translation>未知的课程 &apos;{id}&apos;；现有课程：{known}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown lesson check {check}</source>
        <translation>未知的课程检查 {check}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown parameter {name!r} (parameters: {allowed}); remove it.</source>
        <translation>未知参数 {name!r}（可用参数：{allowed}）；请删除它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown template &apos;{name}&apos;; choose one of: {names}</source>
        <translation>未知的模板 &apos;{name}&apos;；请从以下选择：{names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use ReLU-family activations in the hidden layers, fewer layers, or BatchNorm</source>
        <translation>在隐藏层使用 ReLU 类激活函数、减少层数，或加入批归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use leaky_relu, lower the learning rate, or re-initialise (Reset)</source>
        <translation>使用 leaky_relu、降低学习率，或重新初始化（重置）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weight &apos;{name}&apos; has shape {shape}, expected {expected}</source>
        <translation>权重 &apos;{name}&apos; 的形状为 {shape}，应为 {expected}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weights and gradients {size}</source>
        <translation>权重和梯度 {size}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weights file</source>
        <translation>权重文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weights file not found: {path}</source>
        <translation>找不到权重文件：{path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weights must be one of {choices}, not &apos;{weights}&apos;</source>
        <translation>weights 必须是 {choices} 之一，而不是 &apos;{weights}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x_test has {n} rows but y_test has {m}.</source>
        <translation>x_test 有 {n} 行，但 y_test 有 {m} 行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x_train has {n} rows but y_train has {m}.</source>
        <translation>x_train 有 {n} 行，但 y_train 有 {m} 行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{before}
- {problem}</source>
        <translation>{before}
- {problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{dead:.0%} of the {units} ReLU units of {layer} output 0 on every training sample</source>
        <translation>{layer} 的 {units} 个 ReLU 神经元中有 {dead:.0%} 在每个训练样本上都输出 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{doing} needs about {total} of memory ({parts}), but this machine has {free} available; use {advice}</source>
        <translation>{doing}需要约 {total} 内存（{parts}），但这台机器只有 {free} 可用；请使用{advice}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} has no column &apos;{name}&apos;: the network was trained on the columns {columns}.</source>
        <translation>{file} 中没有列 &apos;{name}&apos;：网络是用这些列训练的：{columns}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} has no column named {name!r}; columns: {columns}.</source>
        <translation>{file} 中没有名为 {name!r} 的列；现有的列：{columns}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} has only one column: it needs at least one feature column and a target column.</source>
        <translation>{file} 只有一列：至少需要一个特征列和一个目标列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} has {n} columns but the network was trained on a table of {expected} columns ({columns}); give the same columns, with or without &apos;{target}&apos;.</source>
        <translation>{file} 有 {n} 列，但网络是用 {expected} 列的表训练的（{columns}）；请提供相同的列，可以包含或不包含 &apos;{target}&apos;。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} has {n} columns; the data settings describe {expected} ({columns}).</source>
        <translation>{file} 有 {n} 列；数据设置描述的是 {expected} 列（{columns}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} has {n} usable row(s) (rows with a missing target are left out); at least {min} are needed to train and test.</source>
        <translation>{file} 只有 {n} 行可用（目标值缺失的行已被排除）；训练和测试至少需要 {min} 行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} has {n} usable row(s) (rows with a missing target or feature are left out); at least {min} are needed to train and test.</source>
        <translation>{file} 只有 {n} 行可用（目标值或特征缺失的行已被排除）；训练和测试至少需要 {min} 行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} holds a header but no rows; give one row per sample.</source>
        <translation>{file} 只有表头而没有数据行；请每个样本写一行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} is empty: it needs a table, one row per line.</source>
        <translation>{file} 是空的：它需要一个表，每行一条数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file} of {title} downloaded from {url} does not match its SHA-256 sum (damaged or changed file); it was deleted. Try again later.</source>
        <translation>从 {url} 下载的 {title} 文件 {file} 与其 SHA-256 校验和不符（文件损坏或已被更改）；已将其删除。请稍后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}, line {line}, column &apos;{column}&apos;</source>
        <translation>{file} 第 {line} 行 &apos;{column}&apos; 列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}, line {line}: {n} values but the table has {columns} columns; every row needs the same number of values (the delimiter is a {delimiter}).</source>
        <translation>{file} 第 {line} 行：有 {n} 个值，但表有 {columns} 列；每行的值的个数必须相同（分隔符是{delimiter}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{file}: no feature columns are left (all ignored); use at least one column besides the target.</source>
        <translation>{file}：没有剩下任何特征列（全部被忽略）；除目标列外请至少使用一列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first}
  {rest}</source>
        <translation>{first}
  {rest}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} or {second}</source>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first} {rest}</source>
        <translation>{first} {rest}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{first}; {rest}</source>
        <translation>{first}；{rest}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{fixed} cannot change during training; stop and start again (live settings: {live}).</source>
        <translation>{fixed} 不能在训练过程中修改；请停止后重新开始（可在训练中修改的设置：{live}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{id}: {layer} has no parameter {param!r}; remove it.</source>
        <translation>{id}：{layer} 没有参数 {param!r}；请删除它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} must be a mapping, got {value!r}.</source>
        <translation>{key} 必须是映射，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{key} must be a number &gt;= 0, got {value!r}.</source>
        <translation>{key} 必须是 &gt;= 0 的数字，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer} has no parameter &apos;{name}&apos; (parameters: {known}).</source>
        <translation>{layer} 没有参数 &apos;{name}&apos;（可用参数：{known}）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{loss} is a regression loss but the dataset has several classes: use cce.</source>
        <translation>{loss} 是回归损失函数，但数据集有多个类别：请使用 cce。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{loss} is a regression loss but the dataset has {k} classes: use cce.</source>
        <translation>{loss} 是回归损失函数，但数据集有 {k} 个类别：请使用 cce。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{loss} is for two classes but the dataset has several classes: use cce with several softmax output units.</source>
        <translation>{loss} 用于两个类别，但数据集有多个类别：请使用 cce，每个类别一个 softmax 输出神经元。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{loss} is for two classes but the dataset has {k} classes: use cce with {k} softmax output units.</source>
        <translation>{loss} 用于两个类别，但数据集有 {k} 个类别：请使用 cce 和 {k} 个 softmax 输出神经元。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{loss} needs exactly 1 output unit but &apos;{out}&apos; has {units}: set its units to 1 (or use cce with one unit per class).</source>
        <translation>{loss} 需要正好 1 个输出神经元，但 &apos;{out}&apos; 有 {units}：请把它的神经元数设为 1（或使用 cce，每个类别一个神经元）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{low} and {high}</source>
        <translation>{low} 且 {high}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{lo} to {hi}</source>
        <translation>介于 {lo} 到 {hi} 个之间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member} has no &apos;format_version&apos;; it was not written by NN Studio</source>
        <translation>{member} 中没有 &apos;format_version&apos;；它不是由 NN Studio 写入的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member} has no &apos;{key}&apos; ({what})</source>
        <translation>{member} 中没有 &apos;{key}&apos;（{what}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member} must hold a JSON object, not {kind}</source>
        <translation>{member} 必须包含一个 JSON 对象，而不是{kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member}: &apos;{name}&apos; contains NaN or infinity</source>
        <translation>{member}：&apos;{name}&apos; 含有 NaN 或无穷大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member}: &apos;{name}&apos; is not a snapshot vector (&apos;&lt;epoch&gt;.params&apos; or &apos;&lt;epoch&gt;.state&apos;, one dimension)</source>
        <translation>{member}：&apos;{name}&apos; 不是快照向量（&apos;&lt;epoch&gt;.params&apos; 或 &apos;&lt;epoch&gt;.state&apos;，一维）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member}: epoch {epoch} lacks params or state</source>
        <translation>{member}：第 {epoch} 轮缺少 params 或 state</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{member}: the snapshots have different sizes</source>
        <translation>{member}：各快照的大小不同</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{metric} {loss:.4g}</source>
        <translation>{metric} {loss:.4g}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name!r} contains NaN or infinity</source>
        <translation>{name!r} 中含有 NaN 或无穷大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name!r} has shape {shape}, expected {expected}</source>
        <translation>{name!r} 的形状是 {shape}，应为 {expected}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name!r} is not numeric</source>
        <translation>{name!r} 不是数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} cannot be read ({error})</source>
        <translation>无法读取 {name}（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} declares {size} uncompressed, more than the {limit} allowed; the file is damaged or not an NN Studio project</source>
        <translation>{name} 声明解压后为 {size}，超过允许的 {limit}；该文件已损坏或不是 NN Studio 项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} holds more numbers than the network has parameters ({max_values}); the file is damaged</source>
        <translation>{name} 包含的数值多于网络的参数（{max_values}）；该文件已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} holds more than {limit:,} epochs; the file is damaged</source>
        <translation>{name} 包含超过 {limit:,} 个轮次；该文件已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} holds the array {array!r} twice; it is damaged</source>
        <translation>{name} 包含两次数组 {array!r}；它已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} holds the value {constant}; NaN and Infinity are not allowed</source>
        <translation>{name} 包含值 {constant}；不允许 NaN 和 Infinity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a .npy file holding one unnamed array; weights need names: save them with {call} into a .npz file</source>
        <translation>{name} 是只含一个无名数组的 .npy 文件；权重需要名称：请用 {call} 保存为 .npz 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is a single array, not an archive</source>
        <translation>{name} 是单个数组，不是归档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is damaged and cannot be read ({kind}: {error}); retrain the network or restore the file</source>
        <translation>{name} 已损坏，无法读取（{kind}: {error}）；请重新训练网络或恢复该文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is larger than the {limit} allowed</source>
        <translation>{name} 超过允许的 {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not UTF-8 text ({error})</source>
        <translation>{name} 不是 UTF-8 文本（{error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is not valid JSON: {error}</source>
        <translation>{name} 不是有效的 JSON：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must be a whole number &gt;= {minimum} or a pair of them, got {value!r}.</source>
        <translation>{name} 必须是 &gt;= {minimum} 的整数或一对这样的整数，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must hold a list of epochs, not {kind}</source>
        <translation>{name} 必须包含轮次列表，而不是{kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} must hold a list of runs, not {kind}</source>
        <translation>{name} 必须包含运行记录列表，而不是 {kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: &apos;{key}&apos; has dtype {dtype}; NN Studio reads weights stored as {supported} only</source>
        <translation>{name}：&apos;{key}&apos; 的数据类型为 {dtype}；NN Studio 只读取以 {supported} 保存的权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: &apos;{member}&apos; declares {size}, more than the network&apos;s weights can take ({limit}); the file is damaged</source>
        <translation>{name}：&apos;{member}&apos; 声明为 {size}，超过网络权重能容纳的大小（{limit}）；该文件已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: &apos;{member}&apos; has a negative size {shape}</source>
        <translation>{name}：&apos;{member}&apos; 的大小为负 {shape}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: &apos;{member}&apos; has shape {shape}, more numbers than the network&apos;s {max_values} parameters; the file is damaged</source>
        <translation>{name}：&apos;{member}&apos; 的形状为 {shape}，数值多于网络的 {max_values} 个参数；该文件已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: &apos;{member}&apos; is not a readable array ({kind}: {error})</source>
        <translation>{name}：&apos;{member}&apos; 不是可读取的数组（{kind}: {error}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: betas must be two numbers, got {value!r}.</source>
        <translation>{name}：betas 必须是两个数字，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: entry {i}</source>
        <translation>{name}：第 {i} 项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: line {line} has more cells than names</source>
        <translation>{name}：第 {line} 行的单元格多于列名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: run {i}</source>
        <translation>{name}：第 {i} 次运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the array &apos;{key}&apos; is damaged ({kind}: {error}); retrain the network or restore the file</source>
        <translation>{name}：数组 &apos;{key}&apos; 已损坏（{kind}: {error}）；请重新训练网络或恢复该文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: the setting {key!r} is missing; give every setting (nnstudio.graph.fill_training fills them from the catalog).</source>
        <translation>{name}：缺少设置 {key!r}；请给出所有设置（nnstudio.graph.fill_training 会从目录填入）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: unknown setting(s) {unknown}; allowed: {allowed}.</source>
        <translation>{name}：未知的设置 {unknown}；允许的设置：{allowed}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {key} must be &gt;= 0 and &lt; 1, got {value}.</source>
        <translation>{name}：{key} 必须 &gt;= 0 且 &lt; 1，但得到的是 {value}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {key} must be a number, got {value!r}.</source>
        <translation>{name}：{key} 必须是数字，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {key} must be {range}, got {value!r}.</source>
        <translation>{name}：{key} 必须 {range}，但得到的是 {value!r}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {where} is a number too large to represent (it reads as infinity); give a finite number</source>
        <translation>{name}：{where} 是一个大到无法表示的数（读作无穷大）；请给出有限的数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} unit</source>
        <translation>{n} 个神经元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} units</source>
        <translation>{n} 个神经元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{owner}: {problem}</source>
        <translation>{owner}：{problem}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} holds {n} images; NN Studio reads at most {max}. Use a sample.</source>
        <translation>{path} 中有 {n} 张图像；NN Studio 最多读取 {max} 张。请使用其中的一部分样本。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder, not a project file</source>
        <translation>{path} 是文件夹，不是项目文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder; give a .npz or .safetensors weights file</source>
        <translation>{path} 是文件夹；请给出 .npz 或 .safetensors 权重文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a folder; give a {what} saved on disk.</source>
        <translation>{path} 是一个文件夹；请给出保存在磁盘上的{what}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is a temporary file left by an interrupted save, not a project; open {original} instead (or delete the temporary file)</source>
        <translation>{path} 是中断的保存留下的临时文件，不是项目；请改为打开 {original}（或删除该临时文件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a regular file (a device, pipe or socket)</source>
        <translation>{path} 不是普通文件（而是设备、管道或套接字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a regular file (a device, pipe or socket); give a .nnstudio file</source>
        <translation>{path} 不是普通文件（而是设备、管道或套接字）；请给出 .nnstudio 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is not a regular file (it is a device, pipe or socket); give a {what} saved on disk.</source>
        <translation>{path} 不是普通文件（而是设备、管道或套接字）；请给出保存在磁盘上的{what}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is {size:.1f} GB; the largest {what} NN Studio reads is {limit}. Use a sample of the rows.</source>
        <translation>{path} 大小为 {size:.1f} GB；NN Studio 能读取的{what}最大为 {limit}。请只取其中一部分行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is {size} bytes, more than weights for this network can take ({budget} bytes); is it the right file?</source>
        <translation>{path} 有 {size} 字节，超过此网络的权重能容纳的大小（{budget} 字节）；是不是选错了文件？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is {w}x{h} pixels but {first} is {first_w}x{first_h}; every image must have the same size.</source>
        <translation>{path} 是 {w}x{h} 像素，而 {first} 是 {first_w}x{first_h}；所有图像的尺寸必须相同。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} needs at least two subfolders (one per class) holding images ({extensions}).</source>
        <translation>{path} 至少需要两个包含图像（{extensions}）的子文件夹（每个类别一个）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: step &apos;{step}&apos; has an unknown action {action}</source>
        <translation>{path}：步骤 &apos;{step}&apos; 有未知的操作 {action}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: step &apos;{step}&apos; has an unknown check {check}</source>
        <translation>{path}：步骤 &apos;{step}&apos; 有未知的检查 {check}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path}: {error}</source>
        <translation>{path}：{error}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{saturated:.0%} of the {units} {activation} units of {layer} sit at their limits on most training samples</source>
        <translation>{layer} 的 {units} 个 {activation} 神经元中有 {saturated:.0%} 在大多数训练样本上停在取值的极限处（饱和）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{shown} (and {n} more)</source>
        <translation>{shown}（另外还有 {n} 项）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{size:.1f} {unit}</source>
        <translation>{size:.1f} {unit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source} holds {n} bytes of values, not the {expected} its header {shape} announces; delete it and retry.</source>
        <translation>{source} 含有 {n} 字节的数据，而不是其文件头 {shape} 所声明的 {expected} 字节；请删除它后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source} is cut short (incomplete header); delete it and retry.</source>
        <translation>{source} 不完整（文件头残缺）；请删除它后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source} is not an IDX file (wrong header); delete it and retry.</source>
        <translation>{source} 不是 IDX 文件（文件头错误）；请删除它后重试。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} has no parameter {name!r} (parameters: {allowed}); remove it.</source>
        <translation>{title} 没有参数 {name!r}（可用参数：{allowed}）；请删除它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{url} is {size:.0f} MB, more than the {limit} MB NN Studio downloads; check the source.</source>
        <translation>{url} 大小为 {size:.0f} MB，超过了 NN Studio 可下载的 {limit} MB；请检查下载源。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{url} sends more data than expected.</source>
        <translation>{url} 发送的数据比预期的多。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{variable}={path} is not a readable sources file ({error}); fix or unset it.</source>
        <translation>{variable}={path} 不是可读取的下载源文件（{error}）；请修正它或取消该设置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} contains NaN or infinity; clean the data first.</source>
        <translation>{what} 中含有 NaN 或无穷大；请先清理数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} has shape {shape} but the network&apos;s input expects (n, {width}); set the input units to the feature count.</source>
        <translation>{what} 的形状是 {shape}，但网络的输入需要 (n, {width})；请把输入神经元数设为特征数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} not found: {path}. Check the path.</source>
        <translation>找不到{what}：{path}。请检查路径。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has no &apos;epoch&apos;</source>
        <translation>{where} 没有 &apos;epoch&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has {value!r}, not one of the classes {classes}.</source>
        <translation>{where} 的值为 {value!r}，不是类别 {classes} 之一。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has {value!r}, which is not a number.</source>
        <translation>{where} 的值为 {value!r}，不是数字。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has {value!r}, which is not a number; make the column categorical or ignore it.</source>
        <translation>{where} 的值为 {value!r}，不是数字；请把该列设为分类列或忽略它。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} has {value!r}, which is not one of the categories the network was trained on: {categories}.</source>
        <translation>{where} 的值为 {value!r}，不在网络训练时的类别取值之中：{categories}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is empty, which is not one of the categories the network was trained on: {categories}.</source>
        <translation>{where} 为空，而空值不在网络训练时的类别取值之中：{categories}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is empty: give every value.</source>
        <translation>{where} 为空：请提供每一个值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is empty: this project drops rows with missing values when training, so every value is needed to predict. Fill it in (or choose &apos;fill&apos; in the data settings and retrain).</source>
        <translation>{where} 为空：本项目训练时会丢弃有缺失值的行，所以预测时每个值都必须提供。请补上该值（或在数据设置中选择 &apos;fill&apos; 后重新训练）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is infinite: every value must be a finite number.</source>
        <translation>{where} 为无穷大：每个值都必须是有限数值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} is not a finite number.</source>
        <translation>{where} 不是有限数值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} must be an object</source>
        <translation>{where} 必须是对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where} must be an object, not {kind}</source>
        <translation>{where} 必须是对象，而不是{kind}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}, &apos;findings&apos; must be a list of text</source>
        <translation>{where}：&apos;findings&apos; 必须是文本列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}, &apos;id&apos; must be a unique whole number &gt;= 1</source>
        <translation>{where}：&apos;id&apos; 必须是唯一的、&gt;= 1 的整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}, &apos;name&apos; must be text</source>
        <translation>{where}：&apos;name&apos; 必须是文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}, &apos;{key}&apos; must be a finite number or null, not {value}</source>
        <translation>{where}：&apos;{key}&apos; 必须是有限的数或 null，而不是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}, &apos;{key}&apos; must be a whole number &gt;= 0, not {value}</source>
        <translation>{where}：&apos;{key}&apos; 必须是 &gt;= 0 的整数，而不是 {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}, &apos;{key}&apos; must be an object</source>
        <translation>{where}：&apos;{key}&apos; 必须是对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}, curve &apos;{key}&apos; must be a list</source>
        <translation>{where}：曲线 &apos;{key}&apos; 必须是列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}, curve &apos;{key}&apos; must hold finite numbers or null</source>
        <translation>{where}：曲线 &apos;{key}&apos; 只能包含有限的数或 null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{where}: its curves have different lengths</source>
        <translation>{where}：其曲线长度不同</translation>
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
        <location filename="../../nnstudio/gui/actions.py" line="-168"/>
        <source>About NN Studio</source>
        <translation>关于 NN Studio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Design, train and understand neural networks on your desktop.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在桌面上设计、训练和理解神经网络。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+86"/>
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
